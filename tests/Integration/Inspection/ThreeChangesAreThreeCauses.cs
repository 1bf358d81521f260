using System.Collections.Immutable;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Inspection;

/// <summary>
/// One file's mode, one file's bytes and one environment variable changed between two builds:
/// exactly those three are the causes; the manifest, config and layer digests and the layer's
/// diffID and size are listed apart, as their consequences.
/// </summary>
public sealed class ThreeChangesAreThreeCauses
{
    [Fact]
    public async Task Mode_content_and_env_changes_are_the_only_causes_and_digests_follow()
    {
        using var work = new TempDirectory("diff-three");
        string source = work.Combine("src");
        SampleTree.Write(source);
        await DiffBuilds.ToLayoutAsync(source, work.Combine("a"));
        LayoutConfigEdit.Apply(work.Combine("a"), c => LayoutConfigEdit.WithVariable(c, "GREETING", "hello"));

        File.SetUnixFileMode(Path.Combine(source, "lib/tool"), (UnixFileMode)0b111_101_101);
        File.AppendAllText(Path.Combine(source, "lib/words.txt"), "one more line\n");
        await DiffBuilds.ToLayoutAsync(source, work.Combine("b"));
        LayoutConfigEdit.Apply(work.Combine("b"), c => LayoutConfigEdit.WithVariable(c, "GREETING", "goodbye"));

        ImageComparison comparison = await ImageDiff.CompareAsync("oci:" + work.Combine("a"), "oci:" + work.Combine("b"), new DiffOptions(null, RegistryClientOptions.Default));

        Assert.False(comparison.Identical);
        Assert.Collection(comparison.Differences,
            env =>
            {
                Assert.Equal((DifferencePart.Config, DifferenceKind.Changed, "config.Env[GREETING]"), (env.Part, env.Kind, env.Where));
                Assert.Equal(("GREETING=hello", "GREETING=goodbye"), (env.A, env.B));
            },
            mode =>
            {
                Assert.Equal((DifferencePart.Layer, "/tko-app/lib/tool", "mode", 0), (mode.Part, mode.Where, mode.Field, mode.Layer));
                Assert.Equal(("0750", "0755"), (mode.A, mode.B));
            },
            content =>
            {
                Assert.Equal((DifferencePart.Layer, "/tko-app/lib/words.txt", "content", 0), (content.Part, content.Where, content.Field, content.Layer));
                Assert.StartsWith("256000 B sha256:", content.A);
                Assert.StartsWith("256014 B sha256:", content.B);
            });

        // The layer's compressed size changes too unless gzip happens to land on the same length.
        ImmutableList<(DifferencePart, string, string?)> consequences = [.. comparison.DigestChanges.Where(d => d.Field != "size").Select(d => (d.Part, d.Where, d.Field))];
        Assert.Equal(
            [
                (DifferencePart.Manifest, "manifest", "digest"),
                (DifferencePart.Config, "config", "digest"),
                (DifferencePart.Layer, "layers[0]", "digest"),
                (DifferencePart.Layer, "layers[0]", "diffID"),
            ],
            consequences);
        Assert.All(comparison.DigestChanges.Where(d => d.Field == "size"), d => Assert.Equal("layers[0]", d.Where));
    }
}
