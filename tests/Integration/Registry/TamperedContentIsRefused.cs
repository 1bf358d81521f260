using System.Runtime.InteropServices;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// Changed bytes (same length, one byte flipped) are caught: a manifest asked for by digest (served
/// through a corrupting proxy: distribution itself checks manifests it serves by digest) and a config
/// changed in the registry's own storage both fail naming the digest, and nothing is returned.
/// </summary>
public sealed class TamperedContentIsRefused
{
    private static Platform Host => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? new Platform("arm64", "linux") : Platform.LinuxAmd64;

    private static void Flip(RegistryServer registry, Digest digest)
    {
        string file = Path.Combine(registry.StorageDirectory, "docker", "registry", "v2", "blobs", "sha256", digest.Hex[..2], digest.Hex, "data");
        byte[] bytes = File.ReadAllBytes(file);
        int at = Array.IndexOf(bytes, (byte)'"');
        bytes[at + 1] ^= 0x01;
        File.WriteAllBytes(file, bytes);
    }

    [Fact]
    public async Task Manifest_whose_bytes_do_not_match_the_requested_digest_is_refused()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        ImageReference reference = ImageReference.Parse(await BusyboxImage.PushAsync(registry, "busybox"));
        using RegistryClient client = new TestClients().Create(registry);
        Digest manifest = (await client.GetManifestAsync(reference)).Descriptor.Digest;
        await using RegistryProxy proxy = RegistryProxy.Start(registry, new ProxyBehaviour { CorruptManifests = true });

        var failure = await Assert.ThrowsAsync<DigestMismatchException>(() =>
            client.PullAsync(ImageReference.Parse($"{proxy.Host}/{reference.Repository}@{manifest}"), Host));

        Assert.Equal(manifest, failure.Expected);
        Assert.Contains(manifest.ToString(), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_whose_bytes_do_not_match_its_descriptor_is_refused()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        ImageReference reference = ImageReference.Parse(await BusyboxImage.PushAsync(registry, "busybox"));
        using RegistryClient client = new TestClients().Create(registry);
        PulledImage image = await client.PullAsync(reference, Host);

        Flip(registry, image.Config.Digest);
        var failure = await Assert.ThrowsAsync<DigestMismatchException>(() => client.PullAsync(reference, Host));

        Assert.Equal(image.Config.Digest, failure.Expected);
        Assert.NotNull(failure.Actual);
    }
}
