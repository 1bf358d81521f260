namespace Tko.Properties.Trees;

/// <summary>What a layer built from a generated tree must hold, entry by entry, in order.</summary>
public sealed record ExpectedEntry(string Name, TreeNodeKind Kind, UnixFileMode Mode, int Size, int ContentSeed, string? LinkTarget)
{
    public static IReadOnlyList<ExpectedEntry> For(TreeSpec tree, UnixFileMode rootMode, string destDirectory = "tko-app")
    {
        var entries = tree.Nodes
            .Select(n => new ExpectedEntry($"{destDirectory}/{n.Path}{(n.Kind == TreeNodeKind.Directory ? "/" : "")}", n.Kind, n.Mode, n.Size, n.ContentSeed, n.LinkTarget))
            .Prepend(new ExpectedEntry(destDirectory + "/", TreeNodeKind.Directory, rootMode, 0, 0, null));
        return entries.OrderBy(e => e.Name.TrimEnd('/'), Utf8Ordinal.Instance).ToList();
    }

    public byte[] Content() => Kind == TreeNodeKind.File ? FileContent.For(ContentSeed, Size) : [];

    public string PathWithoutSlash => Name.TrimEnd('/');

    public static bool SameBytes(byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b);

    public override string ToString() => $"{Name} {Kind} {Convert.ToString((int)Mode, 8)} {Size} {LinkTarget}";
}
