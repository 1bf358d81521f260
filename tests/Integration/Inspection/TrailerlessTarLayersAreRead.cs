using System.IO.Compression;
using Tko.Inspection;
using Tko.Integration.Support;
using Tko.Model;
using Tko.Registry;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Inspection;

/// <summary>
/// tko diff reads a layer whose tar lacks the two end-of-archive blocks, as umoci writes them and
/// GNU tar reads them: the entries are the same as with the blocks, and only the encoding differs.
/// A tar cut off inside a file at a block boundary is still refused.
/// </summary>
public sealed class TrailerlessTarLayersAreRead
{
    [Fact]
    public async Task A_gnu_tar_layer_without_its_end_blocks_has_the_same_entries_as_with_them()
    {
        using var work = new TempDirectory("diff-trailerless");
        SampleTree.Write(work.Combine("src"));
        byte[] whole = await GnuTarAsync(work.Combine("src"));
        Assert.True(whole.AsSpan(whole.Length - 1024).IndexOfAnyExcept((byte)0) < 0, "GNU tar -b1 should end with two zero blocks");
        byte[] trailerless = whole[..^1024];
        string a = await LayoutWithLayerAsync(work, "a", whole);
        string b = await LayoutWithLayerAsync(work, "b", trailerless);

        ImageComparison comparison = await ImageDiff.CompareAsync("oci:" + a, "oci:" + b, new DiffOptions(null, RegistryClientOptions.Default));

        Difference cause = Assert.Single(comparison.Differences);
        Assert.Equal((DifferencePart.Layer, "layers[0]", "tar encoding"), (cause.Part, cause.Where, cause.Field));
        Assert.Equal(Digest.OfContent(trailerless).ToString(), cause.B);
    }

    [Fact]
    public async Task A_tar_cut_inside_its_last_file_at_a_block_boundary_is_refused()
    {
        using var work = new TempDirectory("diff-cut-tar");
        Directory.CreateDirectory(work.Combine("one"));
        File.WriteAllBytes(work.Combine("one", "big"), Enumerable.Range(0, 4096).Select(i => (byte)(i % 251 + 1)).ToArray());
        byte[] whole = await GnuTarAsync(work.Combine("one"));
        byte[] cut = whole[..^(1024 + 1024)];
        string a = await LayoutWithLayerAsync(work, "a", whole);
        string b = await LayoutWithLayerAsync(work, "b", cut);

        var refused = await Assert.ThrowsAsync<TkoException>(() =>
            ImageDiff.CompareAsync("oci:" + a, "oci:" + b, new DiffOptions(null, RegistryClientOptions.Default)));

        Assert.Contains("is not a readable tar.gz (the tar ends inside ./big)", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>The tree as GNU tar writes it with one block per record, so the archive ends with exactly two zero blocks.</summary>
    private static async Task<byte[]> GnuTarAsync(string tree)
    {
        string tar = RequiredTool.Find("tar", "tar");
        string output = tree + ".tar";
        await ProcessRunner.RunCheckedAsync(tar, ["--format=posix", "-b", "1", "--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner", "-C", tree, "-cf", output, "."]);
        return File.ReadAllBytes(output);
    }

    /// <summary>An image built by tko from scratch whose one layer is replaced by <paramref name="tar"/>, gzipped.</summary>
    private static async Task<string> LayoutWithLayerAsync(TempDirectory work, string name, byte[] tar)
    {
        string layout = work.Combine(name);
        Directory.CreateDirectory(work.Combine(name + "-src"));
        await DiffBuilds.ToLayoutAsync(work.Combine(name + "-src"), layout);
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(tar);
        byte[] blob = output.ToArray();
        var layer = new Descriptor(MediaTypes.OciLayerGzip, Digest.OfContent(blob), blob.Length);
        File.WriteAllBytes(Path.Combine(layout, "blobs", "sha256", layer.Digest.Hex), blob);
        LayoutConfigEdit.Apply(layout, c => c with { RootFs = c.RootFs with { DiffIds = [Digest.OfContent(tar)] } }, m => m with { Layers = [layer] });
        return layout;
    }
}
