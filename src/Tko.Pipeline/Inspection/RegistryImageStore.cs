namespace Tko.Inspection;

/// <summary>An image in a registry, read through a <see cref="RegistryClient"/> the caller owns.</summary>
internal sealed class RegistryImageStore(RegistryClient client, ImageReference reference) : IImageStore
{
    public async Task<StoredDocument> ReadTopAsync(CancellationToken cancellationToken)
    {
        RemoteManifest top = await client.GetManifestAsync(reference, cancellationToken);
        return new StoredDocument(top.Descriptor, top.Bytes.ToArray());
    }

    public async Task<byte[]> ReadManifestAsync(Descriptor descriptor, CancellationToken cancellationToken) =>
        (await client.GetManifestAsync(reference.WithDigest(descriptor.Digest), cancellationToken)).Bytes.ToArray();

    public async Task<byte[]> ReadBlobAsync(Descriptor descriptor, CancellationToken cancellationToken) =>
        (await client.GetBlobAsync(reference, descriptor, cancellationToken)).ToArray();

    public Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken) =>
        client.OpenBlobAsync(reference, descriptor, cancellationToken);

    public void Dispose() { }
}
