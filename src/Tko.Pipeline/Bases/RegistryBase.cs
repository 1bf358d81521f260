namespace Tko.Bases;

/// <summary>A base image pulled from a registry; its layers are read from there, verified, when an output needs their bytes.</summary>
internal sealed class RegistryBase(RegistryClient registry, ImageReference reference) : IBlobSource
{
    /// <summary>The base's repository pinned to its manifest digest.</summary>
    public ImageReference Reference { get; } = reference;

    public static async Task<BaseImage> LoadAsync(RegistryClient registry, string baseRef, Platform platform, CancellationToken cancellationToken)
    {
        PulledImage pulled = await registry.PullAsync(ImageReference.Parse(baseRef), platform, cancellationToken);
        return new BaseImage(baseRef, pulled.Manifest.Digest, pulled.Family, pulled.ConfigDocument, pulled.Layers,
            new RegistryBase(registry, pulled.Reference)) { IndexDigest = pulled.Index?.Digest };
    }

    public Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken) =>
        registry.OpenBlobAsync(Reference, descriptor, cancellationToken);
}
