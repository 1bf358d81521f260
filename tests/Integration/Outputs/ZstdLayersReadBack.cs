using Tko.Integration.Cli;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Outputs;

/// <summary>
/// <c>--compression zstd</c> gives an OCI image whose layer the real tools read: the zstd program
/// and GNU tar give back every entry, the same tar as the gzip build's; skopeo copies the layout
/// and podman unpacks the source tree from the copy (Debian 12's umoci, 0.4.7, refuses the zstd
/// media type, so podman stands in for it here).
/// </summary>
public sealed class ZstdLayersReadBack
{
    [Fact]
    public async Task Gnu_tar_reads_every_entry_of_the_zstd_layer_after_zstd_d()
    {
        using var workspace = new CliWorkspace();
        string zstdLayout = workspace.Output("zstd"), gzipLayout = workspace.Output("gzip");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(zstdLayout), "--compression", "zstd", "--keep-modes"]));
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(gzipLayout), "--keep-modes"]));
        ValidatedImage zstd = ImageValidation.ValidateLayout(zstdLayout).Single();
        ValidatedImage gzip = ImageValidation.ValidateLayout(gzipLayout).Single();

        Descriptor layer = Assert.Single(zstd.Manifest.Layers);
        Assert.Equal(MediaTypes.OciLayerZstd, layer.MediaType);
        Assert.Equal(MediaTypes.OciManifest, zstd.Manifest.MediaType);
        string tar = workspace.Output("layer.tar");
        await ImageTools.UnzstdAsync(Path.Combine(zstdLayout, "blobs", "sha256", layer.Digest.Hex), tar);
        string gzipTar = workspace.Output("gzip-layer.tar");
        File.WriteAllBytes(gzipTar, gzip.LayerTars[0]);
        Assert.Equal(await ImageTools.GnuTarListAsync(gzipTar), await ImageTools.GnuTarListAsync(tar));
        Assert.Equal(gzip.Config.RootFs.DiffIds, zstd.Config.RootFs.DiffIds);
        string extracted = workspace.Output("extracted");
        Directory.CreateDirectory(extracted);
        await ImageTools.ExtractAsync(tar, extracted);
        TreeComparison.AssertSame(workspace.Source, Path.Combine(extracted, "tko-app"));
    }

    [Fact]
    public async Task Skopeo_copies_the_zstd_image_and_podman_unpacks_the_source_tree()
    {
        using var workspace = new CliWorkspace();
        string layout = workspace.Output("img"), copy = workspace.Output("copy");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(layout), "--compression", "zstd", "--keep-modes"]));
        Descriptor layer = ImageValidation.ValidateLayout(layout).Single().Manifest.Layers.Single();

        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"), ["copy", $"oci:{layout}:latest", $"oci:{copy}:latest"]);
        Descriptor copied = ImageValidation.ValidateLayout(copy).Single().Manifest.Layers.Single();
        Assert.Equal(layer, copied);

        string rootfs = workspace.Output("rootfs");
        await ImageTools.PodmanUnpackAsync(copy, "latest", rootfs);
        TreeComparison.AssertSame(workspace.Source, Path.Combine(rootfs, "tko-app"));
    }

    [Fact]
    public async Task Diff_of_the_gzip_and_zstd_builds_finds_only_the_media_type_and_compression()
    {
        using var workspace = new CliWorkspace();
        string zstdLayout = workspace.Output("zstd"), gzipLayout = workspace.Output("gzip");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(gzipLayout)]));
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(zstdLayout), "--compression", "zstd"]));

        ImageComparison comparison = await ImageDiff.CompareAsync("oci:" + gzipLayout, "oci:" + zstdLayout, new DiffOptions(null, RegistryClientOptions.Default));

        Assert.Equal(
            [(DifferencePart.Manifest, "layers[0].mediaType"), (DifferencePart.Layer, "layers[0]")],
            comparison.Differences.Select(d => (d.Part, d.Where)));
        Assert.Equal(MediaTypes.OciLayerZstd, comparison.Differences[0].B);
        Assert.DoesNotContain(comparison.DigestChanges, d => d.Field == "diffID");
    }
}
