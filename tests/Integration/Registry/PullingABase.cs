using System.Runtime.InteropServices;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>A base image pushed by skopeo is pulled by tag, by digest and from an index, with every byte verified.</summary>
public sealed class PullingABase
{
    private static Platform Host => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? new Platform("arm64", "linux") : Platform.LinuxAmd64;

    [Fact]
    public async Task Busybox_by_tag_then_by_digest_gives_the_same_verified_image()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string pushed = await BusyboxImage.PushAsync(registry, "base/busybox", "1.36");
        var clients = new TestClients();
        using RegistryClient client = clients.Create(registry);

        PulledImage byTag = await client.PullAsync(ImageReference.Parse(pushed), Host);
        PulledImage byDigest = await client.PullAsync(ImageReference.Parse(pushed).WithDigest(byTag.Manifest.Digest), Host);

        Assert.Equal(ManifestFamily.Oci, byTag.Family);
        Assert.Equal(byTag.Manifest.Digest, Digest.OfContent(byTag.ManifestBytes.Span));
        Assert.Equal(byTag.Config.Digest, Digest.OfContent(byTag.ConfigBytes.Span));
        Assert.Single(byTag.Layers);
        Assert.Contains("PATH=/usr/sbin:/usr/bin:/sbin:/bin", byTag.ConfigDocument.Config!.Env!);
        Assert.Equal(byTag.Manifest.Digest, byDigest.Manifest.Digest);
        Assert.Equal(byTag.ConfigBytes.ToArray(), byDigest.ConfigBytes.ToArray());
        Assert.Equal($"{registry.Host}/base/busybox:1.36@{byTag.Manifest.Digest}", byTag.Reference.ToString());

        await using Stream layer = await client.OpenBlobAsync(byTag.Reference, byTag.Layers[0]);
        long read = 0;
        byte[] buffer = new byte[81920];
        for (int n; (n = await layer.ReadAsync(buffer)) > 0;) read += n;
        Assert.Equal(byTag.Layers[0].Size, read);
    }

    [Fact]
    public async Task Index_gives_the_platform_asked_for_and_arm64_means_v8()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string pushed = await BusyboxImage.PushIndexAsync(registry, "multi");
        using RegistryClient client = new TestClients().Create(registry);

        PulledImage amd64 = await client.PullAsync(ImageReference.Parse(pushed), Platform.LinuxAmd64);
        PulledImage arm64 = await client.PullAsync(ImageReference.Parse(pushed), new Platform("arm64", "linux") { Variant = "v8" });

        Assert.Equal("amd64", amd64.ConfigDocument.Architecture);
        Assert.Equal("arm64", arm64.ConfigDocument.Architecture);
        Assert.NotNull(amd64.Index);
        Assert.Equal(amd64.Index, arm64.Index);
        Assert.NotEqual(amd64.Manifest.Digest, arm64.Manifest.Digest);
        Assert.Equal(amd64.Layers, arm64.Layers);

        var missing = await Assert.ThrowsAsync<PlatformNotFoundException>(() => client.PullAsync(ImageReference.Parse(pushed), new Platform("s390x", "linux")));
        Assert.Contains("linux/s390x", missing.Message, StringComparison.Ordinal);
        Assert.Contains("linux/amd64", missing.Message, StringComparison.Ordinal);
        Assert.Contains("linux/arm64", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tag_and_unknown_repository_fail_with_one_line_naming_them()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string pushed = await BusyboxImage.PushAsync(registry, "known");
        using RegistryClient client = new TestClients().Create(registry);

        var tag = await Assert.ThrowsAsync<ManifestNotFoundException>(() => client.PullAsync(ImageReference.Parse(pushed).WithTag("nope"), Host));
        // distribution answers MANIFEST_UNKNOWN (not NAME_UNKNOWN) for a repository it has never seen.
        var repository = await Assert.ThrowsAnyAsync<RegistryException>(() => client.PullAsync(ImageReference.Parse($"{registry.Host}/unknown:latest"), Host));

        Assert.Contains($"{registry.Host}/known:nope", tag.Message, StringComparison.Ordinal);
        Assert.Contains("nope", tag.Message, StringComparison.Ordinal);
        Assert.Contains("unknown", repository.Message, StringComparison.Ordinal);
        Assert.All(new[] { tag.Message, repository.Message }, m => Assert.DoesNotContain('\n', m));
        Assert.Equal(404, tag.StatusCode);
        Assert.Contains(tag.Errors, e => e.Code == "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task Registry_that_is_down_fails_at_once_naming_it()
    {
        var clients = new TestClients();
        using RegistryClient client = clients.Create(adjust: o => o with { MaxAttempts = 5, RetryBaseDelay = TimeSpan.FromSeconds(2) });
        int port = FreePort.Next();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<RegistryUnreachableException>(() => client.PullAsync(ImageReference.Parse($"127.0.0.1:{port}/app:v1"), Host));

        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("running", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"a refused connection is not retried, yet it took {clock.Elapsed}");
    }
}
