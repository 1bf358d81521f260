using System.Collections.Immutable;
using Tko.Integration.Support;
using Xunit;
using static Tko.Integration.Layers.SyntheticSnapshot;

namespace Tko.Integration.Layers;

/// <summary>The destination's parents come first as 0755 directories, then the destination with the source root's mode, then the tree.</summary>
public sealed class PlannerPutsTheDestinationFirst
{
    [Fact]
    public void Parents_of_a_b_c_are_0755_and_c_has_the_source_roots_mode()
    {
        var snapshot = Of((UnixFileMode)0b111_000_000, File("app", 0b111_101_101, 10), Directory("lib", 0b111_101_000), File("lib/x.so"));

        ImmutableArray<LayerEntry> entries = LayerPlanner.Plan(snapshot, "/a/b/c", 0, 0, FileModes.Kept);

        Assert.Equal(["a/", "a/b/", "a/b/c/", "a/b/c/app", "a/b/c/lib/", "a/b/c/lib/x.so"], Names(entries));
        Assert.Equal(["0755", "0755", "0700", "0755", "0750", "0644"], entries.Select(e => TreeComparison.Octal(e.Mode)));
        Assert.All(entries.Take(3), e => Assert.Equal(LayerEntryKind.Directory, e.Kind));
        Assert.Equal(10, entries[3].Size);
        Assert.Equal("/src/app", entries[3].SourcePath);
    }

    [Fact]
    public void Owner_is_the_one_asked_for_on_every_entry()
    {
        var snapshot = Of((UnixFileMode)0b111_101_101, File("app"), Symlink("link", "app"));

        ImmutableArray<LayerEntry> entries = LayerPlanner.Plan(snapshot, "/opt/app", 1000, 2000, FileModes.Kept);

        Assert.All(entries, e => Assert.Equal((1000, 2000), (e.Uid, e.Gid)));
    }

    [Fact]
    public void Root_destination_adds_no_directory_entries()
    {
        var snapshot = Of((UnixFileMode)0b111_000_000, File("app"), Directory("etc"), File("etc/conf"));

        ImmutableArray<LayerEntry> entries = LayerPlanner.Plan(snapshot, "/", 0, 0, FileModes.Kept);

        Assert.Equal(["app", "etc/", "etc/conf"], Names(entries));
    }

    [Fact]
    public void Symlinks_keep_their_text_and_get_mode_0777()
    {
        var snapshot = Of((UnixFileMode)0b111_101_101, Symlink("dangling", "../nowhere"));

        LayerEntry link = LayerPlanner.Plan(snapshot, "/tko-app", 0, 0, FileModes.Kept)[1];

        Assert.Equal(("tko-app/dangling", LayerEntryKind.Symlink, "../nowhere", "0777", 0L),
            (link.Name, link.Kind, link.LinkTarget, TreeComparison.Octal(link.Mode), link.Size));
    }
}
