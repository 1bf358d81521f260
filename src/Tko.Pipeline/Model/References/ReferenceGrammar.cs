using System.Text.RegularExpressions;

namespace Tko.Model;

/// <summary>
/// The reference grammar of the distribution project (the one Docker uses), as anchored regular
/// expressions. .NET's backtracking engine prefers the same alternatives as Go's leftmost-first
/// matching, so captures split a name exactly as Docker does. <c>\z</c> ends every pattern (.NET's
/// <c>$</c> would accept a trailing newline) and <c>\w</c> is spelt out as ASCII.
/// </summary>
internal static partial class ReferenceGrammar
{
    private const string Alphanumeric = "[a-z0-9]+";
    private const string Separator = "(?:[._]|__|[-]+)";
    private const string PathComponent = Alphanumeric + "(?:" + Separator + Alphanumeric + ")*";
    private const string RemoteName = PathComponent + "(?:/" + PathComponent + ")*";
    private const string DomainNameComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string DomainName = DomainNameComponent + @"(?:\." + DomainNameComponent + ")*";
    private const string Ipv6Address = @"\[(?:[a-fA-F0-9:]+)\]";
    private const string DomainAndPort = "(?:" + DomainName + "|" + Ipv6Address + ")(?::[0-9]+)?";
    private const string Name = "(?:" + DomainAndPort + "/)?" + RemoteName;
    private const string Tag = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private const string Digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}";

    /// <summary>The most characters a repository path (the name without its domain) may have.</summary>
    public const int MaxPathLength = 255;

    /// <summary>name [":" tag] ["@" digest], capturing the three parts.</summary>
    [GeneratedRegex("^(" + Name + ")(?::(" + Tag + "))?(?:@(" + Digest + "))?\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Reference();

    /// <summary>A name, capturing its domain (with port) and its path.</summary>
    [GeneratedRegex("^(?:(" + DomainAndPort + ")/)?(" + RemoteName + ")\\z", RegexOptions.CultureInvariant)]
    public static partial Regex AnchoredName();

    /// <summary>A tag: a word character, then up to 127 word characters, dots and dashes.</summary>
    [GeneratedRegex("^" + Tag + "\\z", RegexOptions.CultureInvariant)]
    public static partial Regex AnchoredTag();

    /// <summary>64 lowercase hex digits: an image ID, which Docker refuses as a repository name.</summary>
    [GeneratedRegex("^[a-f0-9]{64}\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Identifier();
}
