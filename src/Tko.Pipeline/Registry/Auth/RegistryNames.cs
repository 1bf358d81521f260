using Tko.Model;

namespace Tko.Registry;

/// <summary>
/// Matches the keys people write in docker's config (<c>https://index.docker.io/v1/</c>,
/// <c>http://localhost:5000</c>, <c>ghcr.io</c>) against a registry name, as the docker CLI does:
/// scheme and path dropped, host compared without case, Docker Hub's names all equal.
/// </summary>
internal static class RegistryNames
{
    public static string Hostname(string key)
    {
        string text = key.Trim();
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) text = text[(scheme + 3)..];
        int slash = text.IndexOf('/');
        return slash < 0 ? text : text[..slash];
    }

    public static bool Same(string key, string registry)
    {
        string host = Hostname(key);
        return host.Equals(registry, StringComparison.OrdinalIgnoreCase)
            || (DockerHub.IsHub(host.ToLowerInvariant()) && DockerHub.IsHub(registry.ToLowerInvariant()));
    }

    /// <summary>What docker passes to credential helpers for <paramref name="registry"/>.</summary>
    public static string ServerUrl(string registry) =>
        DockerHub.IsHub(registry.ToLowerInvariant()) ? DockerHub.CredentialKey : registry;
}
