using System.Collections.Immutable;
using System.Text;
using Xunit;
using static Tko.Integration.Layers.SyntheticSnapshot;

namespace Tko.Integration.Layers;

/// <summary>Entries are ordered by the UTF-8 bytes of their paths (Go's string order, over the whole path), not by UTF-16 code units.</summary>
public sealed class PlannerOrdersByUtf8Bytes
{
    private const string HalfwidthStop = "\uFF61";   // UTF-8 EF BD A1, UTF-16 FF61
    private const string Grinning = "\U0001F600";    // UTF-8 F0 9F 98 80, UTF-16 D83D DE00

    [Fact]
    public void The_two_orders_really_differ_for_these_names()
    {
        Assert.True(string.CompareOrdinal(Grinning, HalfwidthStop) < 0, "UTF-16 ordinal puts the emoji first");
        Assert.True(Encoding.UTF8.GetBytes(HalfwidthStop).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(Grinning)) < 0, "UTF-8 puts U+FF61 first");
    }

    [Fact]
    public void Planner_uses_utf8_order_whatever_the_listing_order()
    {
        SourceSnapshot snapshot = Of((UnixFileMode)0b111_101_101, File(Grinning), File("z"), File(HalfwidthStop), File("A"));

        ImmutableArray<LayerEntry> entries = LayerPlanner.Plan(snapshot, "/tko-app", 0, 0, FileModes.Kept);

        Assert.Equal(["tko-app/", "tko-app/A", "tko-app/z", $"tko-app/{HalfwidthStop}", $"tko-app/{Grinning}"], Names(entries));
    }

    [Fact]
    public void Directories_precede_their_children_even_when_a_sibling_sorts_between()
    {
        // '-' (0x2D) sorts before '/' (0x2F): "d-x" comes between "d" and "d/child", and "d" still precedes its child.
        SourceSnapshot snapshot = Of((UnixFileMode)0b111_101_101, File("d/child"), File("d-x"), Directory("d"));

        ImmutableArray<LayerEntry> entries = LayerPlanner.Plan(snapshot, "/tko-app", 0, 0, FileModes.Kept);

        Assert.Equal(["tko-app/", "tko-app/d/", "tko-app/d-x", "tko-app/d/child"], Names(entries));
    }
}
