namespace Tko.Registry;

/// <summary>
/// What tko found to authenticate to one registry, and where it found it (named in errors). Its
/// text form never shows a secret.
/// </summary>
/// <param name="Username">The user name, for Basic auth and token requests.</param>
/// <param name="Password">The password or access token sent with the user name.</param>
/// <param name="IdentityToken">An OAuth2 refresh token (docker's <c>identitytoken</c>), exchanged for access tokens.</param>
/// <param name="RegistryToken">A bearer token to send to the registry as is (docker's <c>registrytoken</c>).</param>
/// <param name="Source">Where it came from, e.g. <c>docker config /home/me/.docker/config.json</c>.</param>
internal sealed record Credential(string? Username, string? Password, string? IdentityToken, string? RegistryToken, string Source)
{
    public static Credential Anonymous { get; } = new(null, null, null, null, "no credentials");

    public bool IsAnonymous => Password is null && IdentityToken is null && RegistryToken is null;

    public bool HasPassword => Username is not null && Password is not null;

    /// <summary>Who, for messages: <c>user 'name' (from SOURCE)</c>.</summary>
    public string Describe() =>
        IsAnonymous ? "anonymous access" : $"the credentials of {(Username is null or "<token>" ? "an identity token" : $"user '{Username}'")} from {Source}";

    public override string ToString() => $"Credential {{ Username = {Username}, Source = {Source} }}";
}
