namespace Tko;

/// <summary>
/// The destination of a build: a layout or tarball at a path, or a registry repository or daemon
/// image name held as a parsed <see cref="ImageReference"/>. Made by the factory functions, so a
/// target always has the one it needs.
/// </summary>
[GenerateWith]
public sealed partial record Target
{
    private Target(TargetKind kind, string? path, ImageReference? reference) =>
        (Kind, Path, Reference) = (kind, path, reference);

    /// <summary>A directory, a tarball, a registry or a daemon.</summary>
    public TargetKind Kind { get; }

    /// <summary>The file system path of a layout or tarball; null for a registry or daemon target.</summary>
    public string? Path { get; }

    /// <summary>The repository (and tag) of a registry or daemon target; null for a layout or tarball.</summary>
    public ImageReference? Reference { get; }

    /// <summary>The variable Docker's clients read the daemon's address from.</summary>
    public const string DockerHostVariableName = "DOCKER_HOST";

    /// <summary>An OCI image layout directory at <paramref name="path"/>.</summary>
    public static Target OciLayout(string path) => new(TargetKind.OciLayout, path, null);

    /// <summary>A docker tarball at <paramref name="path"/>.</summary>
    public static Target DockerTarball(string path) => new(TargetKind.DockerTarball, path, null);

    /// <summary>The registry repository <paramref name="reference"/>, e.g. <c>ghcr.io/me/app:v1</c>; its tag, if any, is pushed.</summary>
    public static Target Registry(ImageReference reference) => new(TargetKind.Registry, null, reference);

    /// <summary>
    /// As <see cref="Registry(ImageReference)"/>, parsing <paramref name="reference"/>; throws
    /// <see cref="ImageReferenceException"/> quoting it when it is not a reference.
    /// </summary>
    public static Target Registry(string reference) => Registry(ImageReference.Parse(reference));

    /// <summary>
    /// The Docker Engine API daemon (Docker, or Podman's API service) at <see cref="DaemonHost"/>,
    /// else at Docker's socket, the image tagged as <paramref name="reference"/>, e.g. <c>example.com/app:dev</c>.
    /// Nothing is read from the environment: <see cref="DockerDaemonFromEnvironment(string)"/> follows <c>DOCKER_HOST</c>.
    /// </summary>
    public static Target DockerDaemon(ImageReference reference) => new(TargetKind.DockerDaemon, null, reference);

    /// <summary>As <see cref="DockerDaemon(ImageReference)"/>, parsing <paramref name="reference"/>.</summary>
    public static Target DockerDaemon(string reference) => DockerDaemon(ImageReference.Parse(reference));

    /// <summary>As <see cref="DockerDaemon(string)"/>, at the daemon the process's <c>DOCKER_HOST</c> names, as Docker's clients do.</summary>
    public static Target DockerDaemonFromEnvironment(string reference) =>
        DockerDaemon(reference).WithDockerHostVariable(Environment.GetEnvironmentVariable(DockerHostVariableName));

    /// <summary>
    /// For a daemon target, its address as <c>DOCKER_HOST</c> spells it (<c>unix:///path</c> or
    /// <c>tcp://host:port</c>); null is Docker's socket, <c>unix:///var/run/docker.sock</c>.
    /// </summary>
    public string? DaemonHost { get; init; }

    /// <summary>The value of <c>DOCKER_HOST</c> when the caller read it for this target, so a message can name the variable.</summary>
    internal string? DockerHostVariable { get; init; }

    /// <summary>
    /// This daemon target at the address <paramref name="value"/>, the value of <c>DOCKER_HOST</c> as
    /// the caller read it; null or empty keeps Docker's socket. Messages then name the variable.
    /// </summary>
    public Target WithDockerHostVariable(string? value) =>
        this with { DaemonHost = string.IsNullOrEmpty(value) ? null : value, DockerHostVariable = value };
}
