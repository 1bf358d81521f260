using System.Text.Json;
using Tko.Integration.Cli;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;
using static Tko.Integration.MultiPlatform.PlatformTrees;

namespace Tko.Integration.MultiPlatform;

/// <summary>
/// <c>tko build --platforms a,b</c> into an OCI layout, offline: index.json names one image index
/// whose manifests are the platforms in the order given; a second build on <c>oci:</c> that layout
/// takes each platform's base from its index; skopeo reads every platform and umoci unpacks each.
/// </summary>
public sealed class LayoutOfSeveralPlatforms
{
    [Fact]
    public async Task Index_on_an_oci_index_base_keeps_each_platforms_base_layer_and_the_given_order()
    {
        using var workspace = new CliWorkspace(withSampleTree: false);
        string baseSource = Path.Combine(workspace.Root, "base-src");
        Write(baseSource, Amd64);
        Write(baseSource, Arm64);
        Write(workspace.Source, Amd64);
        Write(workspace.Source, Arm64);
        string baseLayout = workspace.Output("base"), child = workspace.Output("child");

        CliOutcome.Succeeded(await workspace.BuildAsync(baseSource, "--base-ref", "scratch", "--platforms", "linux/amd64,linux/arm64",
            "--dest-path", "/base", "--target-type", "OCI_LAYOUT", "--output", baseLayout));
        var (_, digest) = CliOutcome.Succeeded(await workspace.BuildAsync(workspace.Source, "--base-ref", "oci:" + baseLayout,
            "--platforms", "linux/arm64,linux/amd64", "--target-type", "OCI_LAYOUT", "--output", child));

        ImageIndex top = CanonicalJson.ParseIndex(File.ReadAllBytes(Path.Combine(child, "index.json")));
        Descriptor indexDescriptor = Assert.Single(top.Manifests);
        Assert.Equal(MediaTypes.OciIndex, indexDescriptor.MediaType);
        Assert.Equal(digest, indexDescriptor.Digest);
        IReadOnlyList<ValidatedImage> bases = ImageValidation.ValidateLayout(baseLayout);
        IReadOnlyList<ValidatedImage> images = ImageValidation.ValidateLayout(child);
        Assert.Equal(new[] { "linux/arm64", "linux/amd64" }, images.Select(i => i.ManifestDescriptor.Platform!.ToString()));
        foreach (ValidatedImage image in images)
        {
            ValidatedImage baseImage = bases.Single(b => b.Config.Architecture == image.Config.Architecture);
            Assert.Equal(2, image.Manifest.Layers.Count);
            Assert.Equal(baseImage.Manifest.Layers[0], image.Manifest.Layers[0]);
        }

        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("umoci", "umoci"), ["ls", "--layout", child]);
        foreach (Platform platform in new[] { Arm64, Amd64 })
        {
            JsonElement inspected = await ImageTools.SkopeoInspectAsync($"oci:{child}:latest", "--override-arch", platform.Architecture, "--override-os", "linux");
            Assert.Equal(platform.Architecture, inspected.GetProperty("Architecture").GetString());
            Assert.Equal(2, inspected.GetProperty("Layers").GetArrayLength());

            // umoci 0.4 unpacks one manifest per tag ("tag is ambiguous" on an index): skopeo picks the platform first.
            string single = workspace.Output("single-" + platform.Architecture);
            await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"),
                ["--insecure-policy", "--override-arch", platform.Architecture, "--override-os", "linux", "copy", $"oci:{child}:latest", $"oci:{single}:latest"]);
            string rootfs = await ImageTools.UmociUnpackAsync(single, "latest", workspace.Output("bundle-" + platform.Architecture));
            Assert.Equal(AppText(platform), File.ReadAllText(Path.Combine(rootfs, "base", "app")));
            Assert.Equal(AppText(platform), File.ReadAllText(Path.Combine(rootfs, "tko-app", "app")));
        }
    }

    [Fact]
    public async Task Missing_platform_directory_fails_in_one_line_and_a_tarball_of_several_platforms_is_refused()
    {
        using var workspace = new CliWorkspace(withSampleTree: false);
        Write(workspace.Source, Amd64);
        string[] arguments = [workspace.Source, "--base-ref", "scratch", "--platforms", "linux/amd64,linux/arm64"];

        CliOutcome.Failed(await workspace.BuildAsync([.. arguments, "--target-type", "OCI_LAYOUT", "--output", workspace.Output("oci")]),
            CliOutcome.BuildFailed, $"{DirectoryOf(workspace.Source, Arm64)}: the source directory for linux/arm64 does not exist");
        CliOutcome.Failed(await workspace.BuildAsync([.. arguments, "--target-type", "LOCAL_FILE", "--output", workspace.Output("out.tar")]),
            CliOutcome.UsageError, "LOCAL_FILE");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task Docker_family_bases_give_docker_manifests_in_an_oci_index_that_skopeo_reads()
    {
        using var work = new TempDirectory("multi-docker");
        string source = work.Combine("src");
        Write(source, Amd64);
        Write(source, Arm64);
        BuildSpec spec = BuildSpec.FromDirectory(source, 0).WithPlatforms([Amd64, Arm64]).WithTarget(Target.OciLayout(work.Combine("base")));
        await Build.RunAsync(spec.WithDestPath("/base"));
        RewriteAsDockerFamily(work.Combine("base"));

        BuildResult result = await Build.RunAsync(spec.WithBaseRef("oci:" + work.Combine("base")).WithTarget(Target.OciLayout(work.Combine("child"))));

        Assert.Equal(MediaTypes.OciIndex, result.Manifest.MediaType);
        IReadOnlyList<ValidatedImage> images = ImageValidation.ValidateLayout(work.Combine("child"));
        Assert.All(images, image => Assert.Equal(MediaTypes.DockerManifest, image.Manifest.MediaType));
        ImageIndex index = CanonicalJson.ParseIndex(await ImageTools.SkopeoRawManifestAsync($"oci:{work.Combine("child")}:latest"));
        Assert.Equal(MediaTypes.OciIndex, index.MediaType);
        Assert.Equal(result.Images.Select(i => i.Manifest), index.Manifests);
        JsonElement arm = await ImageTools.SkopeoInspectAsync($"oci:{work.Combine("child")}:latest", "--override-arch", "arm64", "--override-os", "linux");
        Assert.Equal(2, arm.GetProperty("Layers").GetArrayLength());
    }

    /// <summary>Re-labels a tko multi-platform layout with Docker media types (same layer bytes): manifests, then a manifest list over them, as a Docker base arrives.</summary>
    private static void RewriteAsDockerFamily(string layout)
    {
        string blobs = Path.Combine(layout, "blobs", "sha256");
        Descriptor Store(byte[] bytes, string mediaType)
        {
            Digest digest = Digest.OfContent(bytes);
            File.WriteAllBytes(Path.Combine(blobs, digest.Hex), bytes);
            return new Descriptor(mediaType, digest, bytes.Length);
        }
        var manifests = ImageValidation.ValidateLayout(layout).Select(image =>
        {
            Descriptor config = Store(ImageValidation.ReadBlob(layout, image.Manifest.Config), MediaTypes.DockerConfig);
            var manifest = ManifestAssembly.Create(ManifestFamily.Docker, config, image.Manifest.Layers.Select(l => l.WithMediaType(MediaTypes.DockerLayerGzip)));
            return Store(CanonicalJson.Serialize(manifest), MediaTypes.DockerManifest) with { Platform = image.ManifestDescriptor.Platform };
        }).ToList();
        Descriptor list = Store(CanonicalJson.Serialize(new ImageIndex(MediaTypes.DockerManifestList, [.. manifests])), MediaTypes.DockerManifestList);
        File.WriteAllBytes(Path.Combine(layout, "index.json"), CanonicalJson.Serialize(new ImageIndex(MediaTypes.OciIndex, [list])));
    }
}
