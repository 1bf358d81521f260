namespace Tko;

/// <summary>
/// The media types of one manifest format. A built image keeps its base's family: registries and
/// runtimes that accepted the base as Docker schema 2 get the same format back.
/// </summary>
public sealed record ManifestFamily(string ManifestMediaType, string ConfigMediaType, string LayerMediaType, string IndexMediaType)
{
    /// <summary>OCI image manifests, tko's choice when the base is scratch.</summary>
    public static ManifestFamily Oci { get; } = new(MediaTypes.OciManifest, MediaTypes.OciConfig, MediaTypes.OciLayerGzip, MediaTypes.OciIndex);

    /// <summary>Docker image manifests, schema 2.</summary>
    public static ManifestFamily Docker { get; } = new(MediaTypes.DockerManifest, MediaTypes.DockerConfig, MediaTypes.DockerLayerGzip, MediaTypes.DockerManifestList);

    /// <summary>
    /// The family of an image built on a base of this family with <paramref name="compression"/>:
    /// the base's for gzip; OCI for zstd, which Docker schema 2 has no media type for.
    /// </summary>
    public ManifestFamily For(LayerCompression compression) => compression == LayerCompression.Zstd ? Oci : this;

    /// <summary>The media type of a new layer compressed with <paramref name="compression"/> in this family.</summary>
    public string LayerMediaTypeOf(LayerCompression compression) => compression == LayerCompression.Zstd ? MediaTypes.OciLayerZstd : LayerMediaType;

    /// <summary>The family of a manifest or index media type.</summary>
    public static ManifestFamily Of(string mediaType) =>
        mediaType is MediaTypes.DockerManifest or MediaTypes.DockerManifestList ? Docker : Oci;
}
