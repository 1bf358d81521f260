using System.Collections.Immutable;

namespace Tko;

/// <summary>A resolved base image for one platform: its config, its layers and where their bytes are.</summary>
/// <param name="Name">The reference the user gave, for messages and the base-name annotation.</param>
/// <param name="ManifestDigest">The digest of the base's manifest; null for scratch.</param>
/// <param name="Family">The base manifest's format, kept by the built image.</param>
/// <param name="Config">The base's config, unknown fields included.</param>
/// <param name="Layers">The base's layer descriptors, bottom first.</param>
/// <param name="Blobs">Where the layers can be read; null when there are none.</param>
public sealed record BaseImage(string Name, Digest? ManifestDigest, ManifestFamily Family, ImageConfig Config, ImmutableList<Descriptor> Layers, IBlobSource? Blobs)
{
    /// <summary>
    /// The digest of what <see cref="Name"/> points at: the image index's when the reference named
    /// an index (the digest ko records as the base), else null and <see cref="ManifestDigest"/> is it.
    /// </summary>
    public Digest? IndexDigest { get; init; }

    /// <summary>The empty base for <paramref name="platform"/>.</summary>
    public static BaseImage Scratch(Platform platform) =>
        new(BuildSpec.Scratch, null, ManifestFamily.Oci, ImageConfig.Scratch(platform), [], null);
}
