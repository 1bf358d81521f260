using System.Collections.Immutable;

namespace Tko.Model;

/// <summary>One platform's image once its layer and config are stored: the manifest is ready to be stored or published.</summary>
/// <param name="Platform">The platform as an index lists it.</param>
/// <param name="Family">The manifest format, the base's.</param>
/// <param name="Config">The stored config.</param>
/// <param name="Layers">The manifest's layers, the base's first.</param>
/// <param name="Layer">The new layer.</param>
/// <param name="Manifest">The manifest's canonical bytes.</param>
/// <param name="DiffIds">The config's rootfs diffIDs, one per layer.</param>
/// <param name="BaseLayerCount">How many of <paramref name="Layers"/> are the base's.</param>
/// <param name="Sbom">The image's SBOM, attached as a referrer where the destination can hold one; null when none was asked for.</param>
internal sealed record AssembledImage(Platform Platform, ManifestFamily Family, Descriptor Config, ImmutableList<Descriptor> Layers, LayerResult Layer, byte[] Manifest, ImmutableList<Digest> DiffIds, int BaseLayerCount, SbomDocument? Sbom)
{
    /// <summary>Each layer with its diffID and origin; <paramref name="transferOf"/> tells how a registry got each blob.</summary>
    public ImmutableList<ImageLayer> Describe(Func<Digest, BlobTransferKind?> transferOf) =>
        [.. Layers.Select((blob, i) => new ImageLayer(blob, DiffIds.ElementAtOrDefault(i), i < BaseLayerCount ? LayerOrigin.Base : LayerOrigin.Built, transferOf(blob.Digest)))];
}
