using System.Text.RegularExpressions;

namespace Tko.Model;

/// <summary>
/// Docker's normalisation (<c>ParseNormalizedNamed</c> then <c>TagNameOnly</c>): pick the registry
/// from the first path component, refuse uppercase repositories and bare image IDs, then match the
/// whole text against the reference grammar.
/// </summary>
internal static class ReferenceParser
{
    public static ImageReference Parse(string text)
    {
        if (text.Length == 0)
            throw new ImageReferenceException(text, "it is empty");
        if (ReferenceGrammar.Identifier().IsMatch(text))
            throw new ImageReferenceException(text, "a 64-digit hexadecimal image ID is not a repository name");

        (string registry, string remainder) = SplitRegistry(text);
        int tagSeparator = remainder.IndexOf(':');
        string remote = tagSeparator < 0 ? remainder : remainder[..tagSeparator];
        if (!remote.Equals(remote.ToLowerInvariant(), StringComparison.Ordinal))
            throw new ImageReferenceException(text, $"the repository name '{remote}' must be lowercase");

        string normalized = registry + "/" + remainder;
        Match match = ReferenceGrammar.Reference().Match(normalized);
        if (!match.Success)
        {
            string lower = normalized.ToLowerInvariant();
            bool onlyCase = lower != normalized && ReferenceGrammar.Reference().IsMatch(lower);
            throw new ImageReferenceException(text, onlyCase
                ? "the repository name must be lowercase"
                : "expected [registry[:port]/]repository[:tag][@sha256:digest], with a lowercase repository and a tag of up to 128 letters, digits, '_', '.' and '-'");
        }

        Match name = ReferenceGrammar.AnchoredName().Match(match.Groups[1].Value);
        string path = name.Groups[2].Value;
        if (path.Length > ReferenceGrammar.MaxPathLength)
            throw new ImageReferenceException(text, $"the repository name must not be more than {ReferenceGrammar.MaxPathLength} characters");

        string? tag = match.Groups[2].Success ? match.Groups[2].Value : null;
        Digest? digest = match.Groups[3].Success ? ParseDigest(text, match.Groups[3].Value) : null;
        if (tag is null && digest is null) tag = ImageReference.DefaultTag;
        return ImageReference.Create(name.Groups[1].Value, path, tag, digest);
    }

    /// <summary>Docker's <c>splitDockerDomain</c>: the registry and the rest of the text.</summary>
    private static (string Registry, string Remainder) SplitRegistry(string text)
    {
        int slash = text.IndexOf('/');
        if (slash < 0)
            return (DockerHub.Registry, DockerHub.OfficialPrefix + text);

        string first = text[..slash];
        string rest = text[(slash + 1)..];
        (string registry, string remote) = first switch
        {
            "localhost" => (first, rest),
            DockerHub.LegacyRegistry => (DockerHub.Registry, rest),
            _ when first.AsSpan().IndexOfAny('.', ':') >= 0 => (first, rest),
            _ when !first.Equals(first.ToLowerInvariant(), StringComparison.Ordinal) => (first, rest),
            _ => (DockerHub.Registry, text),
        };
        if (registry == DockerHub.Registry && !remote.Contains('/'))
            remote = DockerHub.OfficialPrefix + remote;
        return (registry, remote);
    }

    private static Digest ParseDigest(string text, string digest)
    {
        string algorithm = digest[..digest.IndexOf(':')];
        if (algorithm != "sha256")
            throw new ImageReferenceException(text, algorithm is "sha384" or "sha512"
                ? $"only sha256 digests are supported, not {algorithm}"
                : $"'{algorithm}' is not a supported digest algorithm (use sha256)");
        return Digest.TryParse(digest)
            ?? throw new ImageReferenceException(text, "a sha256 digest has exactly 64 lowercase hex digits");
    }
}
