using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// What differs between two images. <see cref="Differences"/> are the causes: fields of the
/// manifests and configs, and layer entries (or, when the entries agree, the layer's encoding).
/// <see cref="DigestChanges"/> are their consequences: manifest, config and layer digests, layer
/// sizes and diffIDs, kept apart so that the causes read on their own.
/// </summary>
/// <param name="A">The first image's reference, as given.</param>
/// <param name="B">The second image's reference, as given.</param>
/// <param name="DigestA">The digest of the first image's manifest or index.</param>
/// <param name="DigestB">The digest of the second image's manifest or index.</param>
/// <param name="Differences">The differences that explain the rest, in document order: index, then per platform manifest, config and layers bottom first.</param>
/// <param name="DigestChanges">Digests, sizes and diffIDs that differ because of <see cref="Differences"/>.</param>
public sealed record ImageComparison(
    string A,
    string B,
    string DigestA,
    string DigestB,
    ImmutableList<Difference> Differences,
    ImmutableList<Difference> DigestChanges)
{
    /// <summary>
    /// A likely reason for the differences, when they have a recognisable shape: for now, modes that
    /// differ only in group/other write bits ("built under different umasks?"). Null otherwise.
    /// </summary>
    public string? Hint { get; init; }

    /// <summary>True when nothing differs: the two images are the same bytes.</summary>
    public bool Identical => Differences.IsEmpty && DigestChanges.IsEmpty;
}
