using System.Runtime.InteropServices;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// Base blobs reach the target repository without passing through tko when they can: mounted within
/// one registry, skipped when present, and otherwise copied from the source registry, verified.
/// </summary>
public sealed class MovingBlobsBetweenRepositories
{
    private static Platform Host => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? new Platform("arm64", "linux") : Platform.LinuxAmd64;

    [Fact]
    public async Task Blobs_of_another_repository_of_the_same_registry_are_mounted()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        ImageReference source = ImageReference.Parse(await BusyboxImage.PushAsync(registry, "base/busybox"));
        ImageReference target = ImageReference.Parse($"{registry.Host}/team/app:v1");
        using RegistryClient client = new TestClients().Create(registry);
        PulledImage image = await client.PullAsync(source, Host);

        var transfers = await client.EnsureBlobsAsync(source, target, [image.Config, .. image.Layers]);

        Assert.All(transfers, t => Assert.Equal(BlobTransferKind.Mounted, t.Kind));
        var requests = (await registry.WaitForRequestsAsync(r => r.Count(x => x.Path.Contains("mount=")) == 2))
            .Where(r => r.Path.StartsWith("/v2/team/app/", StringComparison.Ordinal)).ToList();
        Assert.All(requests.Where(r => r.Path.Contains("mount=")), r => Assert.Equal(201, r.Status));
        Assert.Contains(requests, r => r.Path.Contains($"mount={image.Layers[0].Digest}&from=base%2Fbusybox") || r.Path.Contains($"mount={image.Layers[0].Digest}&from=base/busybox"));
        Assert.DoesNotContain(requests, r => r.Method is "PATCH" or "PUT");
        Assert.True(await client.BlobExistsAsync(target, image.Layers[0].Digest));
    }

    [Fact]
    public async Task Blobs_of_another_registry_are_copied_verified_and_skipped_the_second_time()
    {
        await using RegistryServer baseRegistry = await RegistryServer.StartAsync(new RegistryOptions());
        await using RegistryServer targetRegistry = await RegistryServer.StartAsync(new RegistryOptions());
        ImageReference source = ImageReference.Parse(await BusyboxImage.PushAsync(baseRegistry, "busybox"));
        ImageReference target = ImageReference.Parse($"{targetRegistry.Host}/app:v1");
        using RegistryClient client = new TestClients().Create();
        PulledImage image = await client.PullAsync(source, Host);
        Descriptor[] blobs = [image.Config, .. image.Layers];

        var first = await client.EnsureBlobsAsync(source, target, blobs);
        var second = await client.EnsureBlobsAsync(source, target, blobs);

        Assert.All(first, t => Assert.Equal(BlobTransferKind.Copied, t.Kind));
        Assert.All(second, t => Assert.Equal(BlobTransferKind.AlreadyPresent, t.Kind));
        foreach (Descriptor blob in blobs)
            Assert.Equal(blob.Digest, Digest.OfContent((await client.GetBlobAsync(target, blob)).Span));
    }

    [Fact]
    public async Task Copy_into_a_registry_refusing_patch_sends_each_blob_whole()
    {
        await using RegistryServer baseRegistry = await RegistryServer.StartAsync(new RegistryOptions());
        await using RegistryServer targetRegistry = await RegistryServer.StartAsync(new RegistryOptions());
        await using RegistryProxy proxy = RegistryProxy.Start(targetRegistry, new ProxyBehaviour { RefusePatch = true });
        ImageReference source = ImageReference.Parse(await BusyboxImage.PushAsync(baseRegistry, "busybox"));
        using RegistryClient client = new TestClients().Create();
        PulledImage image = await client.PullAsync(source, Host);

        BlobTransfer transfer = await client.EnsureBlobAsync(source, ImageReference.Parse($"{proxy.Host}/app"), image.Layers[0]);

        Assert.Equal(BlobTransferKind.Copied, transfer.Kind);
        Assert.Contains(proxy.Requests, r => r is { Method: "PUT", Status: 201 } && r.PathAndQuery.Contains("digest="));
        Assert.True(await client.BlobExistsAsync(ImageReference.Parse($"{targetRegistry.Host}/app"), image.Layers[0].Digest));
    }
}
