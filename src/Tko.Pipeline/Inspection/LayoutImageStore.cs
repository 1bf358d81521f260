using System.Text.Json;
using Tko.Hashing;

namespace Tko.Inspection;

/// <summary>
/// An image in OCI layout form, in a directory or inside a tarball: <c>index.json</c> names it
/// (by its <c>org.opencontainers.image.ref.name</c> when a tag is given) and blobs are under
/// <c>blobs/ALGORITHM/HEX</c>, each checked against its digest as it is read.
/// </summary>
internal sealed class LayoutImageStore(ILayoutFiles files, string shown, string? tag) : IImageStore
{
    private const string RefName = "org.opencontainers.image.ref.name";

    public async Task<StoredDocument> ReadTopAsync(CancellationToken cancellationToken)
    {
        byte[] indexBytes;
        await using (Stream indexFile = files.Open("index.json"))
            indexBytes = await BoundedDocument.ReadAsync(indexFile, BoundedDocument.ManifestCap, $"{shown}: index.json", cancellationToken);
        ImageIndex index;
        try
        {
            index = CanonicalJson.ParseIndex(indexBytes);
        }
        catch (JsonException e)
        {
            throw new TkoException($"{shown}: index.json is not an image index ({e.Message})", e);
        }
        Descriptor[] named = [.. index.Manifests.Where(m => tag is null || m.Annotations?.GetValueOrDefault(RefName) == tag)];
        if (named.Length == 0)
            throw new TkoException(tag is null ? $"{shown}: the layout holds no image" : $"{shown}: the layout has no image tagged '{tag}'");
        if (named.Select(m => m.Digest).Distinct().Count() == 1)
            return new StoredDocument(named[0], await ReadManifestAsync(named[0], cancellationToken));
        if (tag is null && named.All(m => m.Platform is { Os.Length: > 0 }))
            // One image per platform listed directly in index.json: the layout's index is the image.
            return new StoredDocument(new Descriptor(MediaTypes.OciIndex, Digest.OfContent(indexBytes), indexBytes.Length), indexBytes);
        throw new TkoException($"{shown}: the layout holds several images; name one as {shown}:TAG");
    }

    public Task<byte[]> ReadManifestAsync(Descriptor descriptor, CancellationToken cancellationToken) =>
        ReadDocumentAsync(descriptor, BoundedDocument.ManifestCap, "manifest", cancellationToken);

    public Task<byte[]> ReadBlobAsync(Descriptor descriptor, CancellationToken cancellationToken) =>
        ReadDocumentAsync(descriptor, BoundedDocument.ConfigCap, "config", cancellationToken);

    private async Task<byte[]> ReadDocumentAsync(Descriptor descriptor, long cap, string what, CancellationToken cancellationToken)
    {
        string name = $"{shown}: the {what} {descriptor.Digest}";
        if (descriptor.Size > cap)
            throw new TkoException($"{name} {BoundedDocument.TooLarge(cap)}");
        await using Stream blob = await OpenBlobAsync(descriptor, cancellationToken);
        return await BoundedDocument.ReadAsync(blob, cap, name, cancellationToken);
    }

    public Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken)
    {
        string name = $"blobs/{descriptor.Digest.Algorithm}/{descriptor.Digest.Hex}";
        if (!files.Exists(name))
            throw new TkoException($"{shown}: blob {descriptor.Digest} is missing");
        return Task.FromResult<Stream>(new VerifyingReadStream(files.Open(name), descriptor, shown));
    }

    public void Dispose() => files.Dispose();
}
