using System.Text.Json.Serialization;

namespace Tko.Registry;

/// <summary>A token endpoint's answer (docker token spec and OAuth2 both).</summary>
internal sealed record TokenResponse
{
    [JsonPropertyName("token")] public string? Token { get; init; }

    [JsonPropertyName("access_token")] public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")] public int? ExpiresIn { get; init; }

    [JsonPropertyName("issued_at")] public string? IssuedAt { get; init; }

    [JsonPropertyName("refresh_token")] public string? RefreshToken { get; init; }
}
