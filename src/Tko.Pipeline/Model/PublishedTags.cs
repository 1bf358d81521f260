using System.Collections.Immutable;

namespace Tko;

/// <summary>The tags a build publishes, worked out in one place for every kind of target.</summary>
public static class PublishedTags
{
    /// <summary>
    /// The tag of <paramref name="reference"/> (when it has one) first, then each of
    /// <paramref name="extraTags"/>, each once; <c>latest</c> only when neither names a tag.
    /// </summary>
    public static ImmutableList<string> For(ImageReference? reference, IEnumerable<string> extraTags)
    {
        IEnumerable<string> tags = reference?.Tag is { } tag ? extraTags.Prepend(tag) : extraTags;
        ImmutableList<string> distinct = [.. tags.Distinct(StringComparer.Ordinal)];
        return distinct.IsEmpty ? [ImageReference.DefaultTag] : distinct;
    }
}
