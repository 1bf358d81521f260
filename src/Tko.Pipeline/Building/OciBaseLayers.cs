namespace Tko.Building;

/// <summary>
/// A Docker schema 2 base's layers as an OCI manifest lists them, for a build whose own layer only
/// OCI can describe (zstd). The blobs are the same bytes under the same digests; only the media
/// types are renamed to their OCI equivalents, as <c>skopeo copy --format oci</c> renames them. Pure.
/// </summary>
internal static class OciBaseLayers
{
    public static Descriptor Of(Descriptor layer) => layer.MediaType switch
    {
        MediaTypes.DockerLayerGzip => layer with { MediaType = MediaTypes.OciLayerGzip },
        MediaTypes.DockerForeignLayerGzip => layer with { MediaType = MediaTypes.OciLayerNondistributableGzip },
        _ => layer,
    };
}
