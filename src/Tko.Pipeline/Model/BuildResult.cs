using System.Collections.Immutable;

namespace Tko;

/// <summary>What a build made.</summary>
/// <param name="Reference">The image reference with its digest, <c>NAME@sha256:…</c>: the manifest's, or the index's for several platforms.</param>
/// <param name="Manifest">The descriptor of the manifest (or of the image index, for several platforms).</param>
/// <param name="Images">Each platform's image, in the order the platforms were given.</param>
/// <param name="OutputPath">The full path of what was written (the repository, for a registry).</param>
public sealed record BuildResult(string Reference, Descriptor Manifest, ImmutableList<PlatformImage> Images, string OutputPath)
{
    /// <summary>The tags pushed (a registry), loaded (a daemon) or recorded (a layout's index.json, a tarball's RepoTags), in order.</summary>
    public ImmutableList<string> Tags { get; init; } = [];

    /// <summary>
    /// Bytes sent to a registry target: the blobs it lacked (the new layer, base layers copied
    /// across, configs) and every manifest PUT; mounted or present blobs count nothing. 0 for other targets.
    /// </summary>
    public long BytesUploaded { get; init; }

    /// <summary>The full paths of the extra layouts and tarballs written (<see cref="BuildSpec.AlsoOutputs"/>), in the order given.</summary>
    public ImmutableList<string> AlsoWritten { get; init; } = [];

    /// <summary>How long the build took, from the start of <see cref="BuildSession.RunAsync"/> to the image being visible.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The descriptor of the first (for one platform, the only) platform's config.</summary>
    public Descriptor Config => Images[0].Config;

    /// <summary>The first (for one platform, the only) platform's new layer.</summary>
    public LayerResult Layer => Images[0].Layer;

    /// <summary>Each platform's SBOM, in the order of <see cref="Images"/>; empty when <see cref="BuildSpec.Sbom"/> is none.</summary>
    public ImmutableList<SbomDocument> Sboms { get; init; } = [];
    /// <summary>What looked wrong but did not stop the build (see <see cref="BuildSpec.Strict"/>), in platform order.</summary>
    public ImmutableList<BuildWarning> Warnings { get; init; } = [];

    /// <summary>True when the build made an image index over several platforms.</summary>
    public bool IsIndex => Images.Count > 1;
}
