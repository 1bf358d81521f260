using System.Text;
using Xunit;

namespace Tko.Architecture;

/// <summary>
/// A folder of the library names one job; folders that need each other are really one, and a
/// cycle makes the next feature land in both. Every pair of folders depends one way at most.
/// </summary>
public sealed class FoldersDependOnEachOtherOneWay
{
    private static readonly Lazy<FolderGraph> Graph = new(() => FolderGraph.Of(LibrarySources.Compile()));

    [Fact]
    public void No_folder_of_the_library_reaches_itself_through_another()
    {
        IReadOnlyList<IReadOnlyList<string>> cycles = Graph.Value.Cycles();
        Assert.True(cycles.Count == 0, Describe(cycles));
    }

    [Fact]
    public void The_graph_sees_the_library_s_known_dependencies()
    {
        // Guards the check itself: binding that silently failed would find no edges and no cycles.
        Assert.Contains("Model", Graph.Value.DependenciesOf("Building"));
        Assert.Contains("Layers", Graph.Value.Folders);
        Assert.True(Graph.Value.Folders.Count() >= 10, string.Join(", ", Graph.Value.Folders));
    }

    private static string Describe(IReadOnlyList<IReadOnlyList<string>> cycles)
    {
        var text = new StringBuilder();
        foreach (IReadOnlyList<string> cycle in cycles)
        {
            text.AppendLine($"folders that depend on each other: {string.Join(", ", cycle)}");
            foreach (string from in cycle)
                foreach (string to in cycle.Where(to => to != from))
                    foreach (var group in Graph.Value.Between(from, to).GroupBy(r => r.Target).Take(6))
                        text.AppendLine($"  {from} -> {to}: {group.Key} at {string.Join(", ", group.Select(r => r.Site).Take(3))}");
        }
        return text.ToString();
    }
}
