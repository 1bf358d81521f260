using System.Diagnostics;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// Response bodies cut off or trickled by a relay in front of the real registry: a manifest,
/// config or blob cut once is fetched again and verified; a large blob cut mid-copy is asked for
/// again from the byte it reached; a body that stalls longer than the response timeout fails the read within bounded time;
/// and a failure that persists names the registry, the repository and the digest.
/// </summary>
public sealed class CutAndStalledResponses
{
    private static async Task<(RegistryServer Registry, PulledImage Direct)> RegistryWithBusyboxAsync()
    {
        RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        await BusyboxImage.PushAsync(registry, "busybox");
        using RegistryClient direct = new TestClients().Create(registry);
        return (registry, await direct.PullAsync(ImageReference.Parse($"{registry.Host}/busybox:latest"), BusyboxPlatform));
    }

    private static Platform BusyboxPlatform => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64
        ? new Platform("arm64", "linux") : Platform.LinuxAmd64;

    [Fact]
    public async Task Manifest_config_and_blob_cut_once_are_fetched_again_and_verified()
    {
        (RegistryServer registry, PulledImage direct) = await RegistryWithBusyboxAsync();
        await using RegistryServer _ = registry;
        var cutManifest = FaultRelay.First(r => r.StartsWith("GET ") && r.Contains("/manifests/"), RelayFault.CutResponse);
        var cutBlobs = FaultRelay.First(r => r.StartsWith("GET ") && r.Contains("/blobs/"), RelayFault.CutResponse, times: 2);
        await using FaultRelay relay = FaultRelay.Start(registry, r => cutManifest(r) is var f && f != RelayFault.None ? f : cutBlobs(r));
        using RegistryClient client = new TestClients().Create();
        ImageReference viaRelay = ImageReference.Parse($"{relay.Host}/busybox:latest");

        PulledImage pulled = await client.PullAsync(viaRelay, BusyboxPlatform);
        ReadOnlyMemory<byte> layer = await client.GetBlobAsync(viaRelay, pulled.Layers[0]);

        Assert.Equal(direct.Manifest.Digest, pulled.Manifest.Digest);
        Assert.Equal(direct.ConfigBytes.ToArray(), pulled.ConfigBytes.ToArray());
        Assert.Equal(pulled.Layers[0].Digest, Digest.OfContent(layer.Span));
        Assert.Equal(3, relay.Faults.Count);
    }

    [Fact]
    public async Task Large_blob_cut_mid_copy_resumes_from_the_byte_it_reached()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        await using RegistryServer other = await RegistryServer.StartAsync(new RegistryOptions());
        RandomBlob blob = RandomBlob.Create(6 << 20, seed: 11);
        using (RegistryClient direct = new TestClients().Create(registry))
            await direct.PutBlobAsync(ImageReference.Parse($"{registry.Host}/source"), blob.Bytes, blob.Descriptor.MediaType);
        await using FaultRelay relay = FaultRelay.Start(registry, FaultRelay.First(r => r.StartsWith("GET ") && r.Contains("/blobs/"), RelayFault.CutResponse));
        var clients = new TestClients();
        using RegistryClient client = clients.Create();

        BlobTransfer transfer = await client.EnsureBlobAsync(ImageReference.Parse($"{relay.Host}/source"), ImageReference.Parse($"{other.Host}/copy"), blob.Descriptor);

        Assert.Equal(BlobTransferKind.Copied, transfer.Kind);
        Assert.Single(relay.Faults);
        Assert.Contains(clients.LogLines, l => l.Contains("the blob's body broke off at byte", StringComparison.Ordinal));
        await registry.WaitForRequestsAsync(r => r.Any(x => x.Method == "GET" && x.Path.Contains("/blobs/") && x.Status == 206));
        using RegistryClient reader = new TestClients().Create(other);
        Assert.Equal(blob.Bytes, (await reader.GetBlobAsync(ImageReference.Parse($"{other.Host}/copy"), blob.Descriptor)).ToArray());
    }

    [Fact]
    public async Task Manifest_body_stalled_once_is_fetched_again_after_the_response_timeout()
    {
        (RegistryServer registry, PulledImage direct) = await RegistryWithBusyboxAsync();
        await using RegistryServer _ = registry;
        await using FaultRelay relay = FaultRelay.Start(registry, FaultRelay.First(r => r.StartsWith("GET ") && r.Contains("/manifests/"), RelayFault.TrickleResponse));
        using RegistryClient client = new TestClients().Create(null, o => o with { ResponseTimeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        RemoteManifest manifest = await client.GetManifestAsync(ImageReference.Parse($"{relay.Host}/busybox@{direct.Manifest.Digest}"));

        Assert.Equal(direct.Manifest.Digest, manifest.Descriptor.Digest);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Manifest_body_that_always_stalls_fails_in_bounded_time_naming_registry_repository_and_digest()
    {
        (RegistryServer registry, PulledImage direct) = await RegistryWithBusyboxAsync();
        await using RegistryServer _ = registry;
        await using FaultRelay relay = FaultRelay.Start(registry, r => r.StartsWith("GET ") && r.Contains("/manifests/") ? RelayFault.TrickleResponse : RelayFault.None);
        using RegistryClient client = new TestClients().Create(null, o => o with { ResponseTimeout = TimeSpan.FromSeconds(1), MaxAttempts = 2 });
        var clock = Stopwatch.StartNew();

        RegistryException failure = await Assert.ThrowsAnyAsync<RegistryException>(() =>
            client.GetManifestAsync(ImageReference.Parse($"{relay.Host}/busybox@{direct.Manifest.Digest}")));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));
        Assert.True(failure.IsTransient);
        Assert.Contains($"{relay.Host}/busybox", failure.Message, StringComparison.Ordinal);
        Assert.Contains(direct.Manifest.Digest.ToString(), failure.Message, StringComparison.Ordinal);
        Assert.Contains("no byte of the response body for 1 s", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public async Task Blob_body_cut_every_time_fails_naming_registry_repository_and_digest()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        RandomBlob blob = RandomBlob.Create(6 << 20, seed: 12);
        using (RegistryClient direct = new TestClients().Create(registry))
            await direct.PutBlobAsync(ImageReference.Parse($"{registry.Host}/app"), blob.Bytes, blob.Descriptor.MediaType);
        await using FaultRelay relay = FaultRelay.Start(registry, r => r.StartsWith("GET ") && r.Contains("/blobs/") ? RelayFault.CutResponse : RelayFault.None);
        using RegistryClient client = new TestClients().Create();

        RegistryException failure = await Assert.ThrowsAnyAsync<RegistryException>(async () =>
        {
            await using Stream stream = await client.OpenBlobAsync(ImageReference.Parse($"{relay.Host}/app"), blob.Descriptor);
            await stream.CopyToAsync(Stream.Null);
        });

        Assert.Contains($"{relay.Host}/app@{blob.Descriptor.Digest}", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
    }
}
