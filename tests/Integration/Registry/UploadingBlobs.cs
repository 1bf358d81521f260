using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// A layer streamed into the upload sink reaches the registry in chunks of the configured size
/// (PATCH with Content-Range), or whole when the registry refuses PATCH, or resumed after a dropped
/// connection, and in each case the registry holds exactly the bytes written.
/// </summary>
public sealed class UploadingBlobs
{
    private const int Chunk = RegistryClientOptions.MinimumUploadChunkSize;

    private static async Task<byte[]> ReadBackAsync(RegistryServer registry, ImageReference target, Descriptor blob)
    {
        using RegistryClient reader = new TestClients().Create(registry);
        return (await reader.GetBlobAsync(target, blob)).ToArray();
    }

    [Fact]
    public async Task Layer_is_patched_in_chunks_of_the_configured_size_then_committed()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using RegistryClient client = new TestClients().Create(registry);
        ImageReference target = ImageReference.Parse($"{registry.Host}/app:v1");
        RandomBlob blob = RandomBlob.Create(2 * Chunk + 12345);

        await using (LayerUpload upload = await client.StartLayerUploadAsync(target))
        {
            await blob.WriteToAsync(upload, piece: 300_000);
            await upload.CompleteAsync(blob.Descriptor.Digest);
        }

        var requests = await registry.WaitForRequestsAsync(r => r.Any(x => x.Method == "PUT"));
        Assert.Equal(["POST 202", "PATCH 202", "PATCH 202", "PATCH 202", "PUT 201"],
            requests.Where(r => r.Path.Contains("/blobs/uploads/")).Select(r => $"{r.Method} {r.Status}"));
        Assert.Equal(blob.Bytes, await ReadBackAsync(registry, target, blob.Descriptor));
    }

    [Fact]
    public async Task Registry_refusing_patch_gets_the_spooled_blob_whole()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        await using RegistryProxy proxy = RegistryProxy.Start(registry, new ProxyBehaviour { RefusePatch = true });
        using RegistryClient client = new TestClients().Create();
        RandomBlob blob = RandomBlob.Create(Chunk + 777, seed: 2);

        await using (LayerUpload upload = await client.StartLayerUploadAsync(ImageReference.Parse($"{proxy.Host}/app:v1")))
        {
            await blob.WriteToAsync(upload);
            await upload.CompleteAsync(blob.Descriptor.Digest);
            Assert.True(upload.SendsWhole);
        }

        Assert.Equal(["POST 202", "PATCH 405", "PUT 201"], proxy.Requests.Where(r => r.PathAndQuery.Contains("/blobs/uploads/")).Select(r => $"{r.Method} {r.Status}"));
        Assert.Equal(blob.Bytes, await ReadBackAsync(registry, ImageReference.Parse($"{registry.Host}/app"), blob.Descriptor));
    }

    [Fact]
    public async Task Connection_dropped_mid_patch_resumes_from_the_registry_offset()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        await using CuttingRelay relay = CuttingRelay.Start(registry, cutPatch: 2);
        var clients = new TestClients();
        using RegistryClient client = clients.Create();
        RandomBlob blob = RandomBlob.Create(2 * Chunk + 4242, seed: 3);

        await using (LayerUpload upload = await client.StartLayerUploadAsync(ImageReference.Parse($"{relay.Host}/app:v1")))
        {
            await blob.WriteToAsync(upload);
            await upload.CompleteAsync(blob.Descriptor.Digest);
        }

        Assert.Equal(1, relay.Cuts);
        var requests = await registry.WaitForRequestsAsync(r => r.Any(x => x.Method == "PUT"));
        Assert.Equal(["POST 202", "PATCH 202", "GET 204", "PATCH 202", "PATCH 202", "PUT 201"],
            requests.Where(r => r.Path.Contains("/blobs/uploads/")).Select(r => $"{r.Method} {r.Status}"));
        Assert.Contains(clients.LogLines, l => l.Contains($"holds {Chunk} bytes", StringComparison.Ordinal));
        Assert.Equal(blob.Bytes, await ReadBackAsync(registry, ImageReference.Parse($"{registry.Host}/app"), blob.Descriptor));
    }

    [Fact]
    public async Task Relative_locations_are_followed_and_session_cookies_sent_back()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        await using RegistryProxy proxy = RegistryProxy.Start(registry, new ProxyBehaviour { RelativeLocations = true, RequireUploadCookie = true });
        using RegistryClient client = new TestClients().Create();
        RandomBlob blob = RandomBlob.Create(Chunk + 1, seed: 4);

        await using (LayerUpload upload = await client.StartLayerUploadAsync(ImageReference.Parse($"{proxy.Host}/app:v1")))
        {
            await blob.WriteToAsync(upload);
            await upload.CompleteAsync(blob.Descriptor.Digest);
        }

        Assert.Equal(["POST 202", "PATCH 202", "PATCH 202", "PUT 201"], proxy.Requests.Where(r => r.PathAndQuery.Contains("/blobs/uploads/")).Select(r => $"{r.Method} {r.Status}"));
    }

    [Fact]
    public async Task Unfinished_upload_is_cancelled_when_disposed()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using RegistryClient client = new TestClients().Create(registry);

        await using (LayerUpload upload = await client.StartLayerUploadAsync(ImageReference.Parse($"{registry.Host}/app:v1")))
            await RandomBlob.Create(Chunk + 10, seed: 5).WriteToAsync(upload);

        await registry.WaitForRequestsAsync(r => r.Any(x => x.Method == "DELETE" && x.Path.Contains("/blobs/uploads/") && x.Status == 204));
    }

    [Fact]
    public async Task Small_blob_is_put_whole_and_not_sent_again_when_present()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using RegistryClient client = new TestClients().Create(registry);
        ImageReference target = ImageReference.Parse($"{registry.Host}/app:v1");
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}"u8.ToArray();

        Descriptor first = await client.PutBlobAsync(target, config, MediaTypes.OciConfig);
        Descriptor second = await client.PutBlobAsync(target, config, MediaTypes.OciConfig);

        Assert.Equal(first, second);
        Assert.Equal(Digest.OfContent(config), first.Digest);
        var requests = await registry.WaitForRequestsAsync(r => r.Count(x => x.Method == "HEAD") == 2);
        Assert.Single(requests, r => r.Method == "PUT");
        Assert.DoesNotContain(requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Upload_after_digest_sends_a_new_blob_from_the_spool_in_chunks()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using RegistryClient client = new TestClients().Create(registry);
        ImageReference target = ImageReference.Parse($"{registry.Host}/app:v1");
        RandomBlob blob = RandomBlob.Create(Chunk + 99, seed: 6);

        await using (LayerUpload upload = await client.StartLayerUploadAsync(target, LayerUploadMode.AfterDigest))
        {
            await blob.WriteToAsync(upload);
            await upload.CompleteAsync(blob.Descriptor.Digest);
            Assert.False(upload.WasPresent);
        }

        var requests = await registry.WaitForRequestsAsync(r => r.Any(x => x.Method == "PUT"));
        Assert.Equal(["HEAD 404", "POST 202", "PATCH 202", "PATCH 202", "PUT 201"],
            requests.Where(r => r.Path.Contains("/blobs/")).Select(r => $"{r.Method} {r.Status}"));
        Assert.Equal(blob.Bytes, await ReadBackAsync(registry, target, blob.Descriptor));
    }
}
