namespace Tko.Model;

/// <summary>The destination of a build: its kind and where it is.</summary>
/// <param name="Kind">A directory, a tarball or a registry.</param>
/// <param name="Path">The file system path of a layout or tarball; the repository reference (<c>REGISTRY/REPO[:TAG]</c>) of a registry target.</param>
[GenerateWith]
public sealed partial record Target(TargetKind Kind, string Path)
{
    /// <summary>An OCI image layout directory at <paramref name="path"/>.</summary>
    public static Target OciLayout(string path) => new(TargetKind.OciLayout, path);

    /// <summary>The registry repository <paramref name="repository"/>, e.g. <c>ghcr.io/me/app</c>.</summary>
    public static Target Registry(string repository) => new(TargetKind.Registry, repository);

    /// <summary>A docker tarball at <paramref name="path"/>.</summary>
    public static Target DockerTarball(string path) => new(TargetKind.DockerTarball, path);
}
