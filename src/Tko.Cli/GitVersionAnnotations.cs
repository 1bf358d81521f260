using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Tko.Cli;

/// <summary>
/// The annotations of <c>--auto-version-annotation git</c>, decided from a <see cref="GitCheckout"/>
/// as the original tko decides them: revision = HEAD's commit; version = the one tag on HEAD, which
/// must be <c>X.Y.Z</c> (a leading <c>v</c> is accepted and dropped, since <c>v1.2.3</c> is the
/// common spelling), or <c>snapshot-COMMIT</c> when HEAD has no tag; both end in <c>-dirty</c> when
/// the work tree has changes. Several tags, or one that is not a version, are refused.
/// </summary>
internal static partial class GitVersionAnnotations
{
    /// <summary>The annotation holding the source's commit.</summary>
    public const string Revision = "org.opencontainers.image.revision";

    /// <summary>The annotation holding the image's version.</summary>
    public const string Version = "org.opencontainers.image.version";

    [GeneratedRegex(@"\Av?(?<version>[0-9]+\.[0-9]+\.[0-9]+)\z")]
    private static partial Regex SemanticVersion();

    /// <summary>The revision and version annotations of <paramref name="checkout"/>; <paramref name="setting"/> names the option in an error.</summary>
    public static ImmutableList<KeyValuePair<string, string>> For(GitCheckout checkout, string setting)
    {
        if (checkout.Tags.Count > 1)
            throw new OptionException(setting, $"git: HEAD ({checkout.Commit[..12]}) has several tags ({string.Join(", ", checkout.Tags)}); keep one X.Y.Z tag on it");
        string version = "snapshot-" + checkout.Commit;
        if (checkout.Tags.Count == 1)
        {
            Match match = SemanticVersion().Match(checkout.Tags[0]);
            if (!match.Success)
                throw new OptionException(setting, $"git: the tag '{checkout.Tags[0]}' on HEAD is not a version X.Y.Z; tag HEAD as X.Y.Z (or vX.Y.Z) or remove the tag");
            version = match.Groups["version"].Value;
        }
        string dirty = checkout.Dirty ? "-dirty" : "";
        return [new(Revision, checkout.Commit + dirty), new(Version, version + dirty)];
    }
}
