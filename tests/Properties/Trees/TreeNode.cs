namespace Tko.Properties.Trees;

/// <summary>One object of a generated source tree. Content is derived from <see cref="ContentSeed"/> so a node is small to print.</summary>
public sealed record TreeNode(string Path, TreeNodeKind Kind, UnixFileMode Mode, int Size, int ContentSeed, string? LinkTarget)
{
    public override string ToString() => Kind switch
    {
        TreeNodeKind.File => $"{Path} ({Size} B, {Convert.ToString((int)Mode, 8)})",
        TreeNodeKind.Symlink => $"{Path} -> {LinkTarget}",
        _ => $"{Path}/ ({Convert.ToString((int)Mode, 8)})",
    };
}
