using Xunit;
using static Tko.Integration.Layers.SyntheticSnapshot;

namespace Tko.Integration.Layers;

/// <summary>With <see cref="LayerPlanner.SourceOwner"/> each entry keeps its owner from the source; the destination's parents, not in the source, stay root's.</summary>
public sealed class PlannerKeepsSourceOwnersOnRequest
{
    [Fact]
    public void Source_owner_keeps_ids_and_parents_are_root()
    {
        SourceSnapshot snapshot = Of((UnixFileMode)0b111_101_101, File("app") with { Uid = 1000, Gid = 100 }, Directory("lib") with { Uid = 7, Gid = 8 })
            with { RootUid = 500, RootGid = 501 };

        var owners = LayerPlanner.Plan(snapshot, "/opt/app", LayerPlanner.SourceOwner, LayerPlanner.SourceOwner, FileModes.Kept)
            .Select(e => (e.Name, e.Uid, e.Gid)).ToArray();

        Assert.Equal([("opt/", 0, 0), ("opt/app/", 500, 501), ("opt/app/app", 1000, 100), ("opt/app/lib/", 7, 8)], owners);
    }

    [Fact]
    public void Given_ids_replace_the_source_owners()
    {
        SourceSnapshot snapshot = Of((UnixFileMode)0b111_101_101, File("app") with { Uid = 1000, Gid = 100 }) with { RootUid = 500, RootGid = 501 };

        Assert.All(LayerPlanner.Plan(snapshot, "/opt/app", 0, 0, FileModes.Kept), e => Assert.Equal((0, 0), (e.Uid, e.Gid)));
    }
}
