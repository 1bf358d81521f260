using System.Text.Json.Serialization;

namespace Tko.Registry;

/// <summary>The parts of docker's <c>config.json</c> that say how to authenticate.</summary>
internal sealed record DockerConfigFile
{
    [JsonPropertyName("auths")] public Dictionary<string, DockerConfigAuth>? Auths { get; init; }

    [JsonPropertyName("credsStore")] public string? CredsStore { get; init; }

    [JsonPropertyName("credHelpers")] public Dictionary<string, string>? CredHelpers { get; init; }
}

/// <summary>One registry's entry under <c>auths</c>.</summary>
internal sealed record DockerConfigAuth
{
    [JsonPropertyName("auth")] public string? Auth { get; init; }

    [JsonPropertyName("username")] public string? Username { get; init; }

    [JsonPropertyName("password")] public string? Password { get; init; }

    [JsonPropertyName("identitytoken")] public string? IdentityToken { get; init; }

    [JsonPropertyName("registrytoken")] public string? RegistryToken { get; init; }
}

/// <summary>What <c>docker-credential-NAME get</c> prints.</summary>
internal sealed record CredentialHelperOutput
{
    [JsonPropertyName("ServerURL")] public string? ServerUrl { get; init; }

    [JsonPropertyName("Username")] public string? Username { get; init; }

    [JsonPropertyName("Secret")] public string? Secret { get; init; }
}
