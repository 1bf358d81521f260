using System.Collections.Immutable;
using Tko.Model;

namespace Tko.Outputs;

/// <summary>
/// The main destination and extra layouts or tarballs of the same image
/// (<see cref="BuildSpec.AlsoOutputs"/>). The new layer's compressed bytes go to each as the
/// pipeline makes them, so nothing is compressed twice; the extras are made visible only after the
/// main one is, so a failed push leaves no extra output behind.
/// </summary>
internal sealed class FanOutDestination(IImageDestination main, ImmutableArray<LayoutDestination> extras) : IImageDestination
{
    private IEnumerable<IImageDestination> All => extras.Prepend(main);

    public async Task<IPendingLayer> BeginLayerAsync(CancellationToken cancellationToken)
    {
        var layers = new List<IPendingLayer>();
        try
        {
            foreach (IImageDestination destination in All)
                layers.Add(await destination.BeginLayerAsync(cancellationToken));
            return new FanOutLayer([.. layers]);
        }
        catch
        {
            foreach (IPendingLayer layer in layers) await layer.DisposeAsync();
            throw;
        }
    }

    public Task StoreBaseLayersAsync(BaseImage baseImage, CancellationToken cancellationToken) =>
        Task.WhenAll(All.Select(d => d.StoreBaseLayersAsync(baseImage, cancellationToken)));

    public async Task<Descriptor> StoreConfigAsync(byte[] config, string mediaType, CancellationToken cancellationToken)
    {
        foreach (LayoutDestination extra in extras) await extra.StoreConfigAsync(config, mediaType, cancellationToken);
        return await main.StoreConfigAsync(config, mediaType, cancellationToken);
    }

    public async Task<Descriptor> StoreManifestAsync(byte[] manifest, string mediaType, CancellationToken cancellationToken)
    {
        foreach (LayoutDestination extra in extras) await extra.StoreManifestAsync(manifest, mediaType, cancellationToken);
        return await main.StoreManifestAsync(manifest, mediaType, cancellationToken);
    }

    public async Task<PublishedImage> PublishAsync(byte[] document, string mediaType, IReadOnlyList<AssembledImage> images, CancellationToken cancellationToken)
    {
        PublishedImage published = await main.PublishAsync(document, mediaType, images, cancellationToken);
        var written = ImmutableList.CreateBuilder<string>();
        foreach (LayoutDestination extra in extras)
            written.Add((await extra.PublishAsync(document, mediaType, images, cancellationToken)).Location);
        return published with { AlsoWritten = written.ToImmutable() };
    }

    public BlobTransferKind? TransferOf(Digest digest) => main.TransferOf(digest);

    public long BytesUploaded => main.BytesUploaded;

    public async ValueTask DisposeAsync()
    {
        foreach (IImageDestination destination in All) await destination.DisposeAsync();
    }

    /// <summary>One new layer written to every destination, in turn, chunk by chunk.</summary>
    private sealed class FanOutLayer(ImmutableArray<IPendingLayer> layers) : IPendingLayer
    {
        public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            foreach (IPendingLayer layer in layers) await layer.WriteAsync(bytes, cancellationToken);
        }

        public async Task CompleteAsync(LayerResult layer, CancellationToken cancellationToken)
        {
            foreach (IPendingLayer pending in layers) await pending.CompleteAsync(layer, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (IPendingLayer layer in layers) await layer.DisposeAsync();
        }
    }
}
