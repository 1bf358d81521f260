using Tko.Model;

namespace Tko.Outputs;

/// <summary>
/// Where a built image is stored, step by step: each new layer as it streams, the bases' layers,
/// the configs, the platforms' manifests, and last the top document (a manifest, or the index of a
/// multi-platform build), which makes the image visible. Every step but the last may run for
/// several platforms at once. Disposing an unpublished destination removes what it had stored (a
/// staging directory).
/// </summary>
internal interface IImageDestination : IAsyncDisposable
{
    /// <summary>Opens a new layer to receive its bytes as the pipeline makes them; several may be open at once.</summary>
    Task<IPendingLayer> BeginLayerAsync(CancellationToken cancellationToken);

    /// <summary>Makes sure the destination holds every layer of the base; a digest shared by several bases is stored once.</summary>
    Task StoreBaseLayersAsync(BaseImage baseImage, CancellationToken cancellationToken);

    /// <summary>Stores a config blob.</summary>
    Task<Descriptor> StoreConfigAsync(byte[] config, string mediaType, CancellationToken cancellationToken);

    /// <summary>Stores one platform's manifest by its digest, without a tag: an index published later names it.</summary>
    Task<Descriptor> StoreManifestAsync(byte[] manifest, string mediaType, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the top document (the manifest of a one-platform build, else the index over
    /// <paramref name="images"/>' manifests) and its tags and makes the image visible; returns the
    /// printed reference and where it went.
    /// </summary>
    Task<PublishedImage> PublishAsync(byte[] document, string mediaType, IReadOnlyList<AssembledImage> images, CancellationToken cancellationToken);

    /// <summary>How a registry got the blob <paramref name="digest"/>; null for other destinations.</summary>
    BlobTransferKind? TransferOf(Digest digest) => null;

    /// <summary>Bytes sent to a registry (blobs it lacked, manifest PUTs); 0 for other destinations.</summary>
    long BytesUploaded => 0;
}
