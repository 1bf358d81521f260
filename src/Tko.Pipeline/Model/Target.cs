namespace Tko;

/// <summary>The destination of a build: its kind and where it is.</summary>
/// <param name="Kind">A directory, a tarball, a registry or a daemon.</param>
/// <param name="Path">The file system path of a layout or tarball; the repository reference (<c>REGISTRY/REPO[:TAG]</c>) of a registry or daemon target.</param>
[GenerateWith]
public sealed partial record Target(TargetKind Kind, string Path)
{
    /// <summary>An OCI image layout directory at <paramref name="path"/>.</summary>
    public static Target OciLayout(string path) => new(TargetKind.OciLayout, path);

    /// <summary>The registry repository <paramref name="repository"/>, e.g. <c>ghcr.io/me/app</c>.</summary>
    public static Target Registry(string repository) => new(TargetKind.Registry, repository);

    /// <summary>A docker tarball at <paramref name="path"/>.</summary>
    public static Target DockerTarball(string path) => new(TargetKind.DockerTarball, path);

    /// <summary>
    /// The Docker Engine API daemon at <c>DOCKER_HOST</c> (Docker, or Podman's API service), the image
    /// tagged as <paramref name="reference"/>, e.g. <c>example.com/app:dev</c>; see <see cref="DaemonHost"/>.
    /// </summary>
    public static Target DockerDaemon(string reference) => new(TargetKind.DockerDaemon, reference);

    /// <summary>
    /// For a daemon target, its address as <c>DOCKER_HOST</c> spells it (<c>unix:///path</c> or
    /// <c>tcp://host:port</c>); null reads <c>DOCKER_HOST</c> when the build runs, else <c>unix:///var/run/docker.sock</c>.
    /// </summary>
    public string? DaemonHost { get; init; }
}
