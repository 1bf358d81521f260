using System.Collections.Immutable;

namespace Tko.Registry;

/// <summary>
/// The referrers tag schema of the distribution spec 1.1, for registries without the referrers
/// API: the referrers of a manifest are listed in an image index tagged after its digest, which
/// clients that push a referrer keep up to date.
/// </summary>
internal static class ReferrersTag
{
    /// <summary>
    /// The tag for <paramref name="subject"/>: the algorithm (at most 32 characters), '-', the encoded
    /// hash (at most 64), each character a tag cannot hold replaced by '-'.
    /// </summary>
    public static string For(Digest subject)
    {
        static string Clean(string text, int length) =>
            new([.. text[..Math.Min(length, text.Length)].Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-')]);
        return $"{Clean(subject.Algorithm, 32)}-{Clean(subject.Hex, 64)}";
    }

    /// <summary>The index <paramref name="existing"/> (or a new one) with <paramref name="referrer"/> listed once, after what it already lists.</summary>
    public static ImageIndex Merge(ImageIndex? existing, Descriptor referrer)
    {
        ImmutableList<Descriptor> listed = existing?.Manifests ?? [];
        return new ImageIndex(MediaTypes.OciIndex, listed.Any(d => d.Digest == referrer.Digest) ? listed : listed.Add(referrer))
        {
            Annotations = existing?.Annotations,
        };
    }
}
