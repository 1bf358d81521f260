using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// A base image as fetched for one platform: its manifest and config exactly as served (verified
/// against their digests), parsed, and the layer descriptors a push copies or mounts.
/// </summary>
/// <param name="Reference">The repository at the digest of the platform's manifest.</param>
/// <param name="Family">OCI or Docker, from the manifest's media type: the new image keeps it.</param>
/// <param name="Manifest">The manifest's descriptor (with the platform when it came from an index).</param>
/// <param name="ManifestBytes">The manifest as served.</param>
/// <param name="ManifestDocument">The manifest, parsed.</param>
/// <param name="ConfigBytes">The config as served.</param>
/// <param name="ConfigDocument">The config, parsed; fields tko does not model are kept.</param>
/// <param name="Index">The index the manifest was picked from, when the reference named one.</param>
public sealed record PulledImage(
    ImageReference Reference,
    ManifestFamily Family,
    Descriptor Manifest,
    ReadOnlyMemory<byte> ManifestBytes,
    Manifest ManifestDocument,
    ReadOnlyMemory<byte> ConfigBytes,
    ImageConfig ConfigDocument,
    Descriptor? Index)
{
    /// <summary>The config's descriptor.</summary>
    public Descriptor Config => ManifestDocument.Config;

    /// <summary>The layers' descriptors, base first.</summary>
    public ImmutableList<Descriptor> Layers => ManifestDocument.Layers;
}
