using Tko.Building;
using Tko.Inputs;
using Tko.Model;
using Tko.Pipeline;
using Tko.Registry;

namespace Tko.Outputs;

/// <summary>
/// A repository in a registry: the new layer is uploaded while it is being built, base layers are
/// found, mounted or copied, and the manifest goes last, then each tag.
/// </summary>
internal sealed class RegistryDestination(RegistryClient registry, ImageReference target, IReadOnlyList<string> tags) : IImageDestination
{
    private LayerUpload? _upload;

    public async Task<ILayerSink> BeginLayerAsync(CancellationToken cancellationToken)
    {
        // A tag that already exists means a rebuild, whose layer the registry most likely has:
        // then the layer is spooled and sent only if a HEAD after hashing finds it missing.
        // Otherwise it streams to the registry while it is compressed.
        LayerUploadMode mode = await registry.HeadManifestAsync(target.WithTag(tags[0]), cancellationToken) is null
            ? LayerUploadMode.Streaming
            : LayerUploadMode.AfterDigest;
        _upload = await registry.StartLayerUploadAsync(target, mode, cancellationToken);
        return _upload;
    }

    public async Task EndLayerAsync(LayerResult layer, CancellationToken cancellationToken)
    {
        await _upload!.CompleteAsync(layer.Digest, cancellationToken);
        await _upload.DisposeAsync();
        _upload = null;
    }

    public async Task StoreBaseLayersAsync(BaseImage baseImage, CancellationToken cancellationToken)
    {
        if (baseImage.Blobs is RegistryBase remote)
        {
            await registry.EnsureBlobsAsync(remote.Reference, target, baseImage.Layers, cancellationToken);
            return;
        }
        foreach (Descriptor layer in baseImage.Layers)
        {
            if (await registry.BlobExistsAsync(target, layer.Digest, cancellationToken)) continue;
            await using LayerUpload upload = await registry.StartLayerUploadAsync(target, LayerUploadMode.Streaming, cancellationToken);
            await using (Stream blob = await baseImage.Blobs!.OpenBlobAsync(layer, cancellationToken))
            {
                byte[] buffer = new byte[1 << 20];
                int read;
                while ((read = await blob.ReadAsync(buffer, cancellationToken)) > 0)
                    await upload.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await upload.CompleteAsync(layer.Digest, cancellationToken);
        }
    }

    public Task<Descriptor> StoreConfigAsync(byte[] config, string mediaType, CancellationToken cancellationToken) =>
        registry.PutBlobAsync(target, config, mediaType, cancellationToken);

    public async Task<PublishedImage> PublishAsync(byte[] manifest, string mediaType, Descriptor config, IReadOnlyList<Descriptor> layers, CancellationToken cancellationToken)
    {
        Descriptor pushed = await registry.PushManifestAsync(target, manifest, mediaType, tags, cancellationToken);
        return new PublishedImage(pushed, $"{target.Name}@{pushed.Digest}", target.Name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_upload is not null) await _upload.DisposeAsync();
    }
}
