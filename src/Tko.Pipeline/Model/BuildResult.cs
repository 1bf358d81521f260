using System.Collections.Immutable;

namespace Tko;

/// <summary>What a build made.</summary>
/// <param name="Reference">The image reference with its digest, <c>NAME@sha256:…</c>: the manifest's, or the index's for several platforms.</param>
/// <param name="Manifest">The descriptor of the manifest (or of the image index, for several platforms).</param>
/// <param name="Images">Each platform's image, in the order the platforms were given.</param>
/// <param name="OutputPath">The full path of what was written (the repository, for a registry).</param>
public sealed record BuildResult(string Reference, Descriptor Manifest, ImmutableList<PlatformImage> Images, string OutputPath)
{
    /// <summary>The descriptor of the first (for one platform, the only) platform's config.</summary>
    public Descriptor Config => Images[0].Config;

    /// <summary>The first (for one platform, the only) platform's new layer.</summary>
    public LayerResult Layer => Images[0].Layer;

    /// <summary>What looked wrong but did not stop the build (see <see cref="BuildSpec.Strict"/>), in platform order.</summary>
    public ImmutableList<BuildWarning> Warnings { get; init; } = [];

    /// <summary>True when the build made an image index over several platforms.</summary>
    public bool IsIndex => Images.Count > 1;
}
