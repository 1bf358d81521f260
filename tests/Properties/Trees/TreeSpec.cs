using System.Collections.Immutable;

namespace Tko.Properties.Trees;

/// <summary>A generated source tree: every directory that holds a node is itself a node.</summary>
public sealed record TreeSpec(ImmutableArray<TreeNode> Nodes)
{
    public long TotalBytes => Nodes.Sum(n => (long)n.Size);

    public override string ToString() => $"{Nodes.Length} nodes, {TotalBytes} bytes:\n  " + string.Join("\n  ", Nodes);
}
