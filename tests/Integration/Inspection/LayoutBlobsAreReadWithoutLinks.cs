using Tko.Inspection;
using Tko.Integration.Support;
using Tko.Registry;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Inspection;

/// <summary>
/// tko diff reads an OCI layout's files without following links: a blob linked to a file outside
/// the layout (even one with the right bytes) is refused, and so is a blob that is not a regular
/// file, each naming the blob. Before, the linked blob was read and the images called identical.
/// </summary>
public sealed class LayoutBlobsAreReadWithoutLinks
{
    private static Task<ImageComparison> DiffAsync(string a, string b) =>
        ImageDiff.CompareAsync("oci:" + a, "oci:" + b, new DiffOptions(null, RegistryClientOptions.Default));

    [Fact]
    public async Task A_layer_blob_linked_outside_the_layout_is_refused_naming_it()
    {
        using var work = new TempDirectory("diff-linked-blob");
        SampleTree.Write(work.Combine("src"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("a"));
        // A layer unlike a's, so that the diff reads it rather than pairing equal digests unread.
        File.AppendAllText(work.Combine("src", "app"), "# changed\n");
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("b"));
        Directory.CreateDirectory(work.Combine("outside"));
        string blob = HostileLayout.FirstLayerBlob(work.Combine("b"));
        HostileLayout.LinkOutside(blob, work.Combine("outside"));

        var refused = await Assert.ThrowsAsync<TkoException>(() => DiffAsync(work.Combine("a"), work.Combine("b")));

        Assert.Contains($"blobs/sha256/{Path.GetFileName(blob)} is a symbolic link", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_blob_linked_outside_the_layout_is_refused_naming_it()
    {
        using var work = new TempDirectory("diff-linked-config");
        SampleTree.Write(work.Combine("src"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("a"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("b"));
        Directory.CreateDirectory(work.Combine("outside"));
        string blob = HostileLayout.ConfigBlob(work.Combine("b"));
        HostileLayout.LinkOutside(blob, work.Combine("outside"));

        var refused = await Assert.ThrowsAsync<TkoException>(() => DiffAsync(work.Combine("a"), work.Combine("b")));

        Assert.Contains($"blobs/sha256/{Path.GetFileName(blob)} is a symbolic link", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_blob_that_is_a_fifo_is_refused_without_blocking()
    {
        using var work = new TempDirectory("diff-fifo-blob");
        SampleTree.Write(work.Combine("src"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("a"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("b"));
        string blob = HostileLayout.ConfigBlob(work.Combine("b"));
        File.Delete(blob);
        SpecialFiles.CreateFifo(blob);

        var refused = await Assert.ThrowsAsync<TkoException>(() => DiffAsync(work.Combine("a"), work.Combine("b"))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains($"blobs/sha256/{Path.GetFileName(blob)} is a named pipe, not a regular file", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_json_linked_to_dev_zero_is_refused_at_once()
    {
        using var work = new TempDirectory("diff-dev-zero");
        SampleTree.Write(work.Combine("src"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("a"));
        File.Delete(work.Combine("a", "index.json"));
        File.CreateSymbolicLink(work.Combine("a", "index.json"), "/dev/zero");

        var refused = await Assert.ThrowsAsync<TkoException>(() => DiffAsync(work.Combine("a"), work.Combine("a"))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("index.json is a symbolic link", refused.Message, StringComparison.Ordinal);
    }
}
