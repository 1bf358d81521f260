namespace Tko;

/// <summary>Where a layer of a built image came from.</summary>
public enum LayerOrigin
{
    /// <summary>A layer of the base image, reused as it is.</summary>
    Base,
    /// <summary>The layer this build made from SOURCE.</summary>
    Built,
}

/// <summary>One layer of a built image, as its manifest lists it, with its diffID and where it came from.</summary>
/// <param name="Blob">The manifest's descriptor of the layer (its compressed bytes).</param>
/// <param name="DiffId">SHA-256 of the uncompressed tar, from the config's rootfs; null when a base's config lists fewer diffIDs than layers.</param>
/// <param name="Origin">Reused from the base, or built.</param>
/// <param name="Transfer">For a registry target, how the blob reached the repository; null for other targets.</param>
public sealed record ImageLayer(Descriptor Blob, Digest? DiffId, LayerOrigin Origin, BlobTransferKind? Transfer);
