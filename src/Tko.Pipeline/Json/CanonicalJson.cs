using System.Collections.Immutable;
using System.Text.Json;
using Tko.Json;

namespace Tko;

/// <summary>The bytes of each image document as tko writes them, and their parsing.</summary>
public static class CanonicalJson
{
    /// <summary>The config's bytes.</summary>
    public static byte[] Serialize(ImageConfig config) => JsonSerializer.SerializeToUtf8Bytes(config, TkoJsonContext.Canonical.ImageConfig);

    /// <summary>The manifest's bytes.</summary>
    public static byte[] Serialize(Manifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, TkoJsonContext.Canonical.Manifest);

    /// <summary>The index's bytes.</summary>
    public static byte[] Serialize(ImageIndex index) => JsonSerializer.SerializeToUtf8Bytes(index, TkoJsonContext.Canonical.ImageIndex);

    /// <summary>The oci-layout marker's bytes.</summary>
    public static byte[] Serialize(OciLayoutMarker marker) => JsonSerializer.SerializeToUtf8Bytes(marker, TkoJsonContext.Canonical.OciLayoutMarker);

    /// <summary>The bytes of a docker tarball's manifest.json.</summary>
    public static byte[] Serialize(ImmutableList<DockerArchiveEntry> entries) =>
        JsonSerializer.SerializeToUtf8Bytes(entries, TkoJsonContext.Canonical.ImmutableListDockerArchiveEntry);

    /// <summary>Parses a config document.</summary>
    public static ImageConfig ParseConfig(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, TkoJsonContext.Canonical.ImageConfig) ?? throw new JsonException("the config is null");

    /// <summary>Parses a manifest document.</summary>
    public static Manifest ParseManifest(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, TkoJsonContext.Canonical.Manifest) ?? throw new JsonException("the manifest is null");

    /// <summary>Parses an index document.</summary>
    public static ImageIndex ParseIndex(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, TkoJsonContext.Canonical.ImageIndex) ?? throw new JsonException("the index is null");
}
