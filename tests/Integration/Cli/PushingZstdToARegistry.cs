using Tko.Integration.Support;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// <c>--compression zstd</c> with <c>-T REMOTE</c> against the real distribution registry: the
/// registry takes the zstd layer and the OCI manifest, skopeo copies the image back out, and podman
/// unpacks a rootfs in which the entrypoint runs on the busybox base.
/// </summary>
public sealed class PushingZstdToARegistry
{
    [Fact]
    public async Task Pushed_zstd_image_copies_back_unpacks_and_runs_its_entrypoint()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string baseRef = await BusyboxImage.PushAsync(registry, "busybox");
        using var work = new TempDirectory("push-zstd");
        string source = work.Combine("src");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "app"), "#!/bin/sh\necho \"zstd on $(cat /tko-app/greeting.txt)\"\n");
        File.SetUnixFileMode(Path.Combine(source, "app"), (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(source, "greeting.txt"), "busybox");
        Directory.CreateDirectory(work.Combine("docker"));
        var environment = new Dictionary<string, string?> { ["DOCKER_CONFIG"] = work.Combine("docker") };

        (_, Digest digest) = CliOutcome.Succeeded(await TkoCli.BuildAsync(work.Path,
            [source, "--base-ref", baseRef, "--target-type", "REMOTE", "--target-repo", $"{registry.Host}/app:v1", "--compression", "zstd"], environment));

        string layout = work.Combine("copy");
        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"),
            ["--insecure-policy", "copy", .. Skopeo.RegistryFlags("src-", registry, null), $"docker://{registry.Host}/app:v1", $"oci:{layout}:v1"]);
        ValidatedImage image = ImageValidation.ValidateLayout(layout).Single();
        Assert.Equal(digest, image.ManifestDescriptor.Digest);
        Assert.Equal(MediaTypes.OciManifest, image.Manifest.MediaType);
        Assert.Equal(MediaTypes.OciLayerZstd, image.Manifest.Layers[^1].MediaType);

        string rootfs = work.Combine("rootfs");
        await ImageTools.PodmanUnpackAsync(layout, "v1", rootfs);
        ProcessResult run = await ProcessRunner.RunCheckedAsync(RequiredTool.Find("chroot", "coreutils"), [rootfs, "/tko-app/app"]);
        Assert.Equal("zstd on busybox\n", run.StandardOutput);
    }
}
