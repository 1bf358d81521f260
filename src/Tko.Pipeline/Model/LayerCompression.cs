namespace Tko;

/// <summary>How the new layer's tar is compressed; both keep the layer's bytes independent of the worker count.</summary>
public enum LayerCompression
{
    /// <summary>One gzip member whose chunks end with a sync flush; every runtime reads it.</summary>
    Gzip,

    /// <summary>
    /// One zstd frame per chunk, concatenated (<c>application/vnd.oci.image.layer.v1.tar+zstd</c>):
    /// smaller and faster than gzip, read by containerd 1.5+, CRI-O, podman and recent Docker.
    /// Only OCI manifests can carry it.
    /// </summary>
    Zstd,
}
