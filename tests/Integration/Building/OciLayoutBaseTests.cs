using Tko.Integration.Cli;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Building;

/// <summary>A base read from an OCI layout on disk: its layers come first, its config is extended, its manifest family is kept.</summary>
public sealed class OciLayoutBaseTests
{
    [Fact]
    public async Task Image_on_an_oci_layout_base_has_the_base_layers_first_and_both_trees()
    {
        using var workspace = new CliWorkspace();
        string baseLayout = workspace.Output("base");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(baseLayout), "--dest-path", "/base", "--keep-modes"]));
        ValidatedImage baseImage = ImageValidation.ValidateLayout(baseLayout).Single();

        string child = workspace.Output("child");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.Source, "--base-ref", "oci:" + baseLayout + ":latest",
            "--target-type", "OCI_LAYOUT", "--output", child, "--keep-modes"));
        ValidatedImage image = ImageValidation.ValidateLayout(child).Single();

        Assert.Equal(2, image.Manifest.Layers.Count);
        Assert.Equal(baseImage.Manifest.Layers[0], image.Manifest.Layers[0]);
        Assert.Equal(baseImage.Config.RootFs.DiffIds[0], image.Config.RootFs.DiffIds[0]);
        Assert.Equal(2, image.Config.History!.Count);
        string rootfs = await ImageTools.UmociUnpackAsync(child, "latest", workspace.Output("bundle"));
        TreeComparison.AssertSame(workspace.Source, Path.Combine(rootfs, "base"));
        TreeComparison.AssertSame(workspace.Source, Path.Combine(rootfs, "tko-app"));
    }

    [Fact]
    public async Task Docker_family_base_gives_a_docker_family_image()
    {
        using var workspace = new CliWorkspace();
        string baseLayout = workspace.Output("base");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(baseLayout)));
        RewriteAsDockerFamily(baseLayout);

        string child = workspace.Output("child");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.Source, "--base-ref", "oci:" + baseLayout, "--target-type", "OCI_LAYOUT", "--output", child, "--dest-path", "/second"));
        ValidatedImage image = ImageValidation.ValidateLayout(child).Single();

        Assert.Equal(MediaTypes.DockerManifest, image.Manifest.MediaType);
        Assert.Equal(MediaTypes.DockerConfig, image.Manifest.Config.MediaType);
        Assert.All(image.Manifest.Layers, l => Assert.Equal(MediaTypes.DockerLayerGzip, l.MediaType));
    }

    [Fact]
    public async Task Zstd_on_a_docker_family_base_gives_an_oci_image_of_the_same_base_blobs()
    {
        using var workspace = new CliWorkspace();
        string baseLayout = workspace.Output("base");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(baseLayout), "--dest-path", "/base", "--keep-modes"]));
        RewriteAsDockerFamily(baseLayout);
        ValidatedImage baseImage = ImageValidation.ValidateLayout(baseLayout).Single();

        string child = workspace.Output("child");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.Source, "--base-ref", "oci:" + baseLayout, "--target-type", "OCI_LAYOUT", "--output", child, "--compression", "zstd", "--keep-modes"));
        ValidatedImage image = ImageValidation.ValidateLayout(child).Single();

        Assert.Equal(MediaTypes.OciManifest, image.Manifest.MediaType);
        Assert.Equal(MediaTypes.OciConfig, image.Manifest.Config.MediaType);
        Assert.Equal([MediaTypes.OciLayerGzip, MediaTypes.OciLayerZstd], image.Manifest.Layers.Select(l => l.MediaType));
        Assert.Equal(baseImage.Manifest.Layers[0].Digest, image.Manifest.Layers[0].Digest);
        Assert.Equal(baseImage.Manifest.Layers[0].Size, image.Manifest.Layers[0].Size);
        string rootfs = workspace.Output("rootfs");
        await ImageTools.PodmanUnpackAsync(child, "latest", rootfs);
        TreeComparison.AssertSame(workspace.Source, Path.Combine(rootfs, "base"));
        TreeComparison.AssertSame(workspace.Source, Path.Combine(rootfs, "tko-app"));
    }

    [Fact]
    public async Task Unknown_tag_platform_mismatch_and_corrupt_blob_fail_naming_the_base()
    {
        using var workspace = new CliWorkspace();
        string baseLayout = workspace.Output("base");
        // A base layer unlike the child's: a blob the build already made itself is never read from the base.
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(baseLayout), "--dest-path", "/base"]));
        string[] Child(string baseRef, params string[] extra) =>
            [workspace.Source, "--base-ref", baseRef, "--target-type", "OCI_LAYOUT", "--output", workspace.Output("child"), .. extra];

        CliOutcome.Failed(await workspace.BuildAsync(Child("oci:" + baseLayout + ":nope")), CliOutcome.BuildFailed, "no image tagged 'nope'");
        CliOutcome.Failed(await workspace.BuildAsync(Child("oci:" + baseLayout, "--platforms", "linux/arm64")), CliOutcome.BuildFailed, "not the requested linux/arm64");
        CliOutcome.Failed(await workspace.BuildAsync(Child("oci:" + workspace.Source)), CliOutcome.BuildFailed, "is not an OCI image layout");

        Descriptor layer = ImageValidation.ValidateLayout(baseLayout).Single().Manifest.Layers[0];
        string blob = Path.Combine(baseLayout, "blobs", "sha256", layer.Digest.Hex);
        byte[] bytes = File.ReadAllBytes(blob);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(blob, bytes);
        CliOutcome.Failed(await workspace.BuildAsync(Child("oci:" + baseLayout)), CliOutcome.BuildFailed, layer.Digest.ToString());
        Assert.False(Path.Exists(workspace.Output("child")));
    }

    /// <summary>Re-labels a layout's image with Docker schema 2 media types (same bytes for layers), re-hashing config and manifest.</summary>
    private static void RewriteAsDockerFamily(string layout)
    {
        ValidatedImage image = ImageValidation.ValidateLayout(layout).Single();
        string blobs = Path.Combine(layout, "blobs", "sha256");
        byte[] config = File.ReadAllBytes(Path.Combine(blobs, image.Manifest.Config.Digest.Hex));
        var manifest = ManifestAssembly.Create(ManifestFamily.Docker,
            new Descriptor(MediaTypes.DockerConfig, image.Manifest.Config.Digest, config.Length),
            image.Manifest.Layers.Select(l => l.WithMediaType(MediaTypes.DockerLayerGzip)));
        byte[] manifestBytes = CanonicalJson.Serialize(manifest);
        Digest manifestDigest = Digest.OfContent(manifestBytes);
        File.WriteAllBytes(Path.Combine(blobs, manifestDigest.Hex), manifestBytes);
        var index = new ImageIndex(MediaTypes.OciIndex, [new Descriptor(MediaTypes.DockerManifest, manifestDigest, manifestBytes.Length)]);
        File.WriteAllBytes(Path.Combine(layout, "index.json"), CanonicalJson.Serialize(index));
    }
}
