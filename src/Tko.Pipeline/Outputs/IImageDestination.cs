using Tko.Building;
using Tko.Model;
using Tko.Pipeline;

namespace Tko.Outputs;

/// <summary>
/// Where a built image is stored, step by step: the new layer as it streams, the base's layers,
/// the config, and last the manifest, which makes the image visible. Disposing an unpublished
/// destination removes what it had stored (a staging directory, an unfinished upload).
/// </summary>
internal interface IImageDestination : IAsyncDisposable
{
    /// <summary>Receives the new layer's bytes as the pipeline makes them.</summary>
    Task<ILayerSink> BeginLayerAsync(CancellationToken cancellationToken);

    /// <summary>The layer sent through the sink is complete with these digests.</summary>
    Task EndLayerAsync(LayerResult layer, CancellationToken cancellationToken);

    /// <summary>Makes sure the destination holds every layer of the base.</summary>
    Task StoreBaseLayersAsync(BaseImage baseImage, CancellationToken cancellationToken);

    /// <summary>Stores the config blob.</summary>
    Task<Descriptor> StoreConfigAsync(byte[] config, string mediaType, CancellationToken cancellationToken);

    /// <summary>Stores the manifest and its tags and makes the image visible; returns the printed reference and where it went.</summary>
    Task<PublishedImage> PublishAsync(byte[] manifest, string mediaType, Descriptor config, IReadOnlyList<Descriptor> layers, CancellationToken cancellationToken);
}
