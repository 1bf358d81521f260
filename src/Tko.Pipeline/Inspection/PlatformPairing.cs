using System.Collections.Immutable;

namespace Tko.Inspection;

/// <summary>
/// Which manifest of one image is compared with which of the other: the asked platform's on both
/// sides; else two single images with each other, whatever their platforms; else the same
/// platform's on each side (containerd's normalisation), a platform one side lacks being a difference.
/// </summary>
internal static class PlatformPairing
{
    /// <summary>A pair to compare, or a platform one side lacks; <paramref name="Label"/> is null when neither image is an index.</summary>
    internal sealed record Pair(string? Label, ImageView? A, ImageView? B);

    public static ImmutableList<Pair> Match(LoadedImage a, string shownA, LoadedImage b, string shownB, Platform? wanted)
    {
        bool indexed = a.IsIndex || b.IsIndex;
        if (wanted is not null)
            return [new Pair(indexed ? wanted.ToString() : null, Pick(a, shownA, wanted), Pick(b, shownB, wanted))];
        if (a.Images.Count == 1 && b.Images.Count == 1)
            return [new Pair(indexed ? a.Images[0].Platform.ToString() : null, a.Images[0], b.Images[0])];

        var pairs = ImmutableList.CreateBuilder<Pair>();
        var matched = new HashSet<ImageView>(ReferenceEqualityComparer.Instance);
        foreach (ImageView left in a.Images)
        {
            ImageView? right = b.Images.FirstOrDefault(r => !matched.Contains(r) && PlatformMatching.Matches(left.Platform, r.Platform));
            if (right is not null) matched.Add(right);
            pairs.Add(new Pair(left.Platform.ToString(), left, right));
        }
        foreach (ImageView right in b.Images.Where(r => !matched.Contains(r)))
            pairs.Add(new Pair(right.Platform.ToString(), null, right));
        return pairs.ToImmutable();
    }

    private static ImageView Pick(LoadedImage image, string shown, Platform wanted)
    {
        (Descriptor Listed, ImageView View)[] candidates = [.. image.Images.Select(view => (view.ManifestDescriptor with { Platform = view.Platform }, view))];
        if (PlatformMatching.Select(candidates.Select(c => c.Listed), wanted) is { } chosen)
            return candidates.First(c => ReferenceEquals(c.Listed, chosen)).View;
        throw new TkoException($"{shown}: no image for {wanted}; it has {string.Join(", ", image.Images.Select(i => i.Platform.ToString()))}");
    }
}
