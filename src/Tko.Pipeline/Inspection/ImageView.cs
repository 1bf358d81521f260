using System.Collections.Immutable;

namespace Tko.Inspection;

/// <summary>One platform's image as read: its manifest and config, raw and parsed.</summary>
/// <param name="Platform">The platform the index lists it under, or the config's own for a single image.</param>
/// <param name="ManifestDescriptor">The manifest's media type, digest and size.</param>
/// <param name="ManifestBytes">The manifest as stored.</param>
/// <param name="Manifest">The manifest, parsed.</param>
/// <param name="ConfigBytes">The config as stored.</param>
/// <param name="DiffIds">The config's layer diffIDs.</param>
internal sealed record ImageView(
    Platform Platform,
    Descriptor ManifestDescriptor,
    byte[] ManifestBytes,
    Manifest Manifest,
    byte[] ConfigBytes,
    ImmutableList<Digest> DiffIds);

/// <summary>An image as read: the index it came in (if any) and one <see cref="ImageView"/> per platform.</summary>
/// <param name="Top">The document the reference names: a manifest, or an index.</param>
/// <param name="IsIndex">True when <see cref="Top"/> is an index.</param>
/// <param name="Images">The images, in the index's order.</param>
/// <param name="Store">Where the layers are read from.</param>
internal sealed record LoadedImage(StoredDocument Top, bool IsIndex, ImmutableList<ImageView> Images, IImageStore Store);
