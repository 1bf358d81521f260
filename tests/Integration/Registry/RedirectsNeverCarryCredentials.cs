using System.Runtime.InteropServices;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// A registry that redirects blob downloads to storage on another host (a second real loopback
/// server): the blob arrives verified, and the storage never sees the registry's Authorization.
/// </summary>
public sealed class RedirectsNeverCarryCredentials
{
    private static Platform Host => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? new Platform("arm64", "linux") : Platform.LinuxAmd64;

    [Fact]
    public async Task Blob_redirected_to_storage_is_fetched_without_authorization()
    {
        var alice = new BasicCredentials("alice", "alice-Redirect-7");
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Basic: alice));
        string pushed = await BusyboxImage.PushAsync(registry, "busybox", credentials: alice);
        await using BlobStorageServer storage = BlobStorageServer.Start(registry);
        await using RegistryProxy proxy = RegistryProxy.Start(registry, new ProxyBehaviour { RedirectBlobsTo = storage.BaseUri });
        using RegistryClient client = new TestClients().Create(adjust: o => o with { Logins = [new RegistryLogin(proxy.Host, alice.User, alice.Password)] });
        ImageReference reference = ImageReference.Parse(pushed.Replace(registry.Host, proxy.Host, StringComparison.Ordinal));

        PulledImage image = await client.PullAsync(reference, Host);
        byte[] layer = (await client.GetBlobAsync(reference, image.Layers[0])).ToArray();

        Assert.Equal(image.Layers[0].Digest, Digest.OfContent(layer));
        Assert.Contains(proxy.Requests, r => r is { Method: "GET", Status: 307, HadAuthorization: true });
        Assert.Equal(2, storage.Requests.Count);
        Assert.All(storage.Requests, r => Assert.False(r.HadAuthorization, $"{r} carried the registry's Authorization"));
    }
}
