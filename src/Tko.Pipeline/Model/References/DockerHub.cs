namespace Tko.Model;

/// <summary>The names Docker Hub goes by.</summary>
internal static class DockerHub
{
    /// <summary>The registry name references are normalised to.</summary>
    public const string Registry = "docker.io";

    /// <summary>The legacy name, normalised to <see cref="Registry"/>.</summary>
    public const string LegacyRegistry = "index.docker.io";

    /// <summary>The host that serves the registry API.</summary>
    public const string ApiHost = "registry-1.docker.io";

    /// <summary>The key docker login writes in config.json and gives credential helpers.</summary>
    public const string CredentialKey = "https://index.docker.io/v1/";

    /// <summary>The namespace of official images: <c>busybox</c> is <c>library/busybox</c>.</summary>
    public const string OfficialPrefix = "library/";

    /// <summary>True for every name of Docker Hub.</summary>
    public static bool IsHub(string registry) =>
        registry is Registry or LegacyRegistry or ApiHost;
}
