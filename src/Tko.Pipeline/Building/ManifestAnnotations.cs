using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// The annotations of a built image's manifest, decided per platform: what ko records about the
/// base (<c>org.opencontainers.image.base.name</c> as the reference given, and
/// <c>.base.digest</c> as the digest it points at: the index's when it named an index, else the
/// image manifest's), then the spec's
/// <see cref="ImageMetadata.Annotations"/> over them. A <c>scratch</c> base has neither, like ko's
/// empty base. Null when there is nothing to write, so the manifest has no annotations field.
/// </summary>
public static class ManifestAnnotations
{
    /// <summary>The annotation holding the base image's reference.</summary>
    public const string BaseName = "org.opencontainers.image.base.name";

    /// <summary>The annotation holding the base image's manifest digest.</summary>
    public const string BaseDigest = "org.opencontainers.image.base.digest";

    /// <summary>The manifest annotations for an image built by <paramref name="spec"/> on <paramref name="baseImage"/>.</summary>
    public static ImmutableSortedDictionary<string, string>? For(BuildSpec spec, BaseImage baseImage) =>
        Over(spec, baseImage.ManifestDigest is { } digest ? (baseImage.Name, baseImage.IndexDigest ?? digest) : null);

    /// <summary>
    /// The annotations of a multi-platform build's index: the spec's (a version or revision names the
    /// whole image), over the base's name and index digest when every platform was built on the same
    /// base index; per-platform bases have no one base to name.
    /// </summary>
    public static ImmutableSortedDictionary<string, string>? ForIndex(BuildSpec spec, IReadOnlyList<BaseImage> bases)
    {
        BaseImage first = bases[0];
        bool oneBaseIndex = first.IndexDigest is not null
            && bases.All(b => b.Name == first.Name && b.IndexDigest == first.IndexDigest);
        return Over(spec, oneBaseIndex ? (first.Name, first.IndexDigest!) : null);
    }

    private static ImmutableSortedDictionary<string, string>? Over(BuildSpec spec, (string Name, Digest Digest)? baseImage)
    {
        var annotations = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (baseImage is { } named)
        {
            annotations[BaseName] = named.Name;
            annotations[BaseDigest] = named.Digest.ToString();
        }
        foreach ((string key, string value) in spec.Metadata.Annotations)
            annotations[key] = value;
        return annotations.Count == 0 ? null : annotations.ToImmutable();
    }
}
