namespace Tko.Inspection;

/// <summary>One tar entry of a layer as the comparison sees it; the content is only its size and SHA-256.</summary>
/// <param name="Path">The path in the image, absolute, without a trailing slash (<c>/</c> for the root).</param>
/// <param name="Type">file, dir, symlink, hardlink, char, block, fifo or the tar type letter.</param>
/// <param name="Mode">Permission and setuid/setgid/sticky bits, four octal digits.</param>
/// <param name="Uid">Owner user id.</param>
/// <param name="Gid">Owner group id.</param>
/// <param name="User">Owner user name as stored (often empty).</param>
/// <param name="Group">Owner group name as stored (often empty).</param>
/// <param name="Content">For a file, its size and SHA-256 (<c>12 B sha256:…</c>); null otherwise.</param>
/// <param name="Link">A link's target; null otherwise.</param>
/// <param name="ModificationTime">mtime, RFC 3339 in UTC with the fraction the header has.</param>
internal sealed record LayerEntryView(
    string Path, string Type, string Mode, int Uid, int Gid, string User, string Group, string? Content, string? Link, string ModificationTime)
{
    /// <summary>The attributes compared, by name, in the order a table shows them.</summary>
    public IEnumerable<(string Field, string? Value)> Fields()
    {
        yield return ("type", Type);
        yield return ("mode", Mode);
        yield return ("uid", Uid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("gid", Gid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("user", User);
        yield return ("group", Group);
        yield return ("content", Content);
        yield return ("link", Link);
        yield return ("mtime", ModificationTime);
    }

    /// <summary>A one-line summary for an entry that only one layer has.</summary>
    public string Summary() =>
        $"{Type} {Mode} {Uid}:{Gid}" + (Content is null ? "" : " " + Content) + (Link is null ? "" : " -> " + Link) + " " + ModificationTime;
}
