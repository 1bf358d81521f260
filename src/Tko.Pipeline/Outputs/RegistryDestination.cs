using System.Collections.Immutable;
using Tko.Bases;
using Tko.Dataflow;
using Tko.Model;
using Tko.Sbom;

namespace Tko.Outputs;

/// <summary>
/// A repository in a registry: each new layer is uploaded while it is being built, base layers are
/// found, mounted or copied (once per digest), each platform's manifest is pushed by digest, and
/// the top manifest or index goes last, then each tag.
/// </summary>
internal sealed class RegistryDestination(RegistryClient registry, ImageReference target, IReadOnlyList<string> tags) : IImageDestination
{
    private readonly OncePerDigest _baseLayers = new();
    private readonly TransferLedger _ledger = new();

    public BlobTransferKind? TransferOf(Digest digest) => _ledger.TransferOf(digest);

    public long BytesUploaded => _ledger.BytesUploaded;

    public async Task<IPendingLayer> BeginLayerAsync(CancellationToken cancellationToken)
    {
        // A tag that already exists means a rebuild, whose layer the registry most likely has:
        // then the layer is spooled and sent only if a HEAD after hashing finds it missing.
        // Otherwise it streams to the registry while it is compressed.
        LayerUploadMode mode = await registry.HeadManifestAsync(target.WithTag(tags[0]), cancellationToken) is null
            ? LayerUploadMode.Streaming
            : LayerUploadMode.AfterDigest;
        return new PendingUpload(await registry.StartLayerUploadAsync(target, mode, cancellationToken), _ledger);
    }

    public async Task StoreBaseLayersAsync(BaseImage baseImage, CancellationToken cancellationToken)
    {
        if (baseImage.Blobs is RegistryBase remote)
        {
            // At most RegistryClientOptions.MaxConcurrentBlobTransfers at a time: the client bounds them.
            await Concurrently.RunAsync(baseImage.Layers.Select<Descriptor, Func<CancellationToken, Task>>(layer => token =>
                _baseLayers.RunAsync(layer.Digest, async () => Record(await registry.EnsureBlobAsync(remote.Reference, target, layer, token)))), cancellationToken);
            return;
        }
        foreach (Descriptor layer in baseImage.Layers)
            await _baseLayers.RunAsync(layer.Digest, () => CopyFromDiskAsync(baseImage.Blobs!, layer, cancellationToken));
    }

    private async Task CopyFromDiskAsync(IBlobSource source, Descriptor layer, CancellationToken cancellationToken)
    {
        if (await registry.BlobExistsAsync(target, layer.Digest, cancellationToken))
        {
            _ledger.Blob(layer, BlobTransferKind.AlreadyPresent);
            return;
        }
        await using LayerUpload upload = await registry.StartLayerUploadAsync(target, LayerUploadMode.Streaming, cancellationToken);
        await using (Stream blob = await source.OpenBlobAsync(layer, cancellationToken))
        {
            byte[] buffer = new byte[1 << 20];
            int read;
            while ((read = await blob.ReadAsync(buffer, cancellationToken)) > 0)
                await upload.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        await upload.CompleteAsync(layer.Digest, cancellationToken);
        _ledger.Blob(layer, BlobTransferKind.Uploaded);
    }

    private void Record(BlobTransfer transfer) => _ledger.Blob(transfer.Blob, transfer.Kind);

    public async Task<Descriptor> StoreConfigAsync(byte[] config, string mediaType, CancellationToken cancellationToken)
    {
        BlobTransfer transfer = await registry.UploadBlobAsync(target, config, mediaType, cancellationToken);
        Record(transfer);
        return transfer.Blob;
    }

    public async Task<Descriptor> StoreManifestAsync(byte[] manifest, string mediaType, CancellationToken cancellationToken)
    {
        Descriptor stored = await registry.PutManifestAsync(target, manifest, mediaType, Digest.OfContent(manifest).ToString(), cancellationToken);
        _ledger.Manifest(manifest.Length, 1);
        return stored;
    }

    public async Task<PublishedImage> PublishAsync(byte[] document, string mediaType, IReadOnlyList<AssembledImage> images, CancellationToken cancellationToken)
    {
        // By digest, then each SBOM referring to its platform's manifest, then the tags: whoever
        // pulls a tag finds the image's referrers already listed.
        Descriptor pushed = await registry.PutManifestAsync(target, document, mediaType, Digest.OfContent(document).ToString(), cancellationToken);
        _ledger.Manifest(document.Length, 1);
        foreach (SbomDocument sbom in images.Select(i => i.Sbom).OfType<SbomDocument>())
        {
            SbomReferrer referrer = SbomReferrer.For(sbom);
            Record(await registry.UploadBlobAsync(target, SbomReferrer.EmptyConfig, referrer.Config.MediaType, cancellationToken));
            Record(await registry.UploadBlobAsync(target, sbom.Content, sbom.MediaType, cancellationToken));
            _ledger.Manifest(await registry.AttachReferrerAsync(target, referrer.Manifest, referrer.Descriptor, sbom.Subject.Digest, cancellationToken), 1);
        }
        ImmutableList<string> pushedTags = [.. tags.Distinct(StringComparer.Ordinal)];
        foreach (string tag in pushedTags)
            await registry.PutManifestAsync(target, document, mediaType, tag, cancellationToken);
        _ledger.Manifest(document.Length, pushedTags.Count);
        return new PublishedImage(pushed, $"{target.Name}@{pushed.Digest}", target.Name, pushedTags);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>An upload session completed with the layer's digest.</summary>
    private sealed class PendingUpload(LayerUpload upload, TransferLedger ledger) : IPendingLayer
    {
        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => upload.WriteAsync(bytes, cancellationToken);

        public async Task CompleteAsync(LayerResult layer, CancellationToken cancellationToken)
        {
            await upload.CompleteAsync(layer.Digest, cancellationToken);
            ledger.Blob(new Descriptor(MediaTypes.OciLayerGzip, layer.Digest, layer.Size), upload.WasPresent ? BlobTransferKind.AlreadyPresent : BlobTransferKind.Uploaded);
        }

        public ValueTask DisposeAsync() => upload.DisposeAsync();
    }
}
