using System.Text;
using Tko.Inspection;
using Xunit;

namespace Tko.Integration.Inspection;

/// <summary>How a JSON document becomes the paths a difference names.</summary>
public sealed class FlatteningRules
{
    private static KeyValuePair<string, string>[] Flatten(string json, Func<string, bool>? skip = null) =>
        [.. JsonFlattening.Flatten(Encoding.UTF8.GetBytes(json), skip ?? (_ => false))];

    [Fact]
    public void Objects_arrays_and_odd_keys_have_readable_paths()
    {
        var leaves = Flatten("""{"created":"t","n":2,"history":[{"created":"h0"},{"empty_layer":true}],"config":{"Labels":{"org.x/y":"v"},"Volumes":{},"Cmd":[]},"z":null}""");
        Assert.Equal(
            [
                new("created", "t"),
                new("n", "2"),
                new("history[0].created", "h0"),
                new("history[1].empty_layer", "true"),
                new("config.Labels[\"org.x/y\"]", "v"),
                new("config.Volumes", "{}"),
                new("config.Cmd", "[]"),
                new("z", "null"),
            ],
            leaves);
    }

    [Fact]
    public void Environment_variables_are_keyed_by_name_so_an_insertion_is_one_difference()
    {
        var a = Flatten("""{"config":{"Env":["PATH=/bin","HOME=/root","LANG=C"]}}""");
        var b = Flatten("""{"config":{"Env":["PATH=/bin","DEBUG=1","HOME=/root","LANG=C","LANG=C.UTF-8"]}}""");

        Assert.Equal(["config.Env[PATH]", "config.Env[HOME]", "config.Env[LANG]"], a.Select(l => l.Key));
        var differences = DocumentComparison.Compare(DifferencePart.Config, null, a, b);
        Assert.Equal(
            [
                (DifferenceKind.OnlyInB, "config.Env[DEBUG]", null, "DEBUG=1"),
                (DifferenceKind.OnlyInB, "config.Env[LANG#2]", null, "LANG=C.UTF-8"),
            ],
            differences.Select(d => (d.Kind, d.Where, d.A, d.B)));
    }

    [Fact]
    public void Skipped_paths_are_left_out_with_everything_below_them()
    {
        var leaves = Flatten("""{"rootfs":{"type":"layers","diff_ids":["sha256:a","sha256:b"]}}""", p => p.StartsWith("rootfs.diff_ids", StringComparison.Ordinal));
        Assert.Equal([new KeyValuePair<string, string>("rootfs.type", "layers")], leaves);
    }

    [Fact]
    public void Layer_entries_compare_by_path_attribute_by_attribute_and_by_order()
    {
        static LayerEntryView File(string path, string mode = "0644", string mtime = "1970-01-01T00:00:00Z") =>
            new(path, "file", mode, 0, 0, "", "", "1 B sha256:x", null, mtime);
        LayerEntryView[] a = [File("/a"), File("/b"), File("/c", "0755")];
        LayerEntryView[] b = [File("/b"), File("/a", mtime: "2024-01-01T00:00:00Z"), File("/d")];

        var differences = LayerComparison.Compare(1, null, a, b);

        Assert.Equal(
            [
                (DifferenceKind.Changed, "/a", "mtime"),
                (DifferenceKind.OnlyInA, "/c", null),
                (DifferenceKind.OnlyInB, "/d", null),
                (DifferenceKind.Changed, "entry #1 of the shared paths", "order"),
            ],
            differences.Select(d => (d.Kind, d.Where, d.Field)));
        Assert.All(differences, d => Assert.Equal(1, d.Layer));
        Assert.Equal("file 0755 0:0 1 B sha256:x 1970-01-01T00:00:00Z", differences[1].A);
    }
}
