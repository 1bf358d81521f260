using Tko.Registry;

namespace Tko;

/// <summary>A manifest or index as a registry served it, its bytes verified against <see cref="Descriptor"/>'s digest.</summary>
/// <param name="Reference">The reference asked for, with the digest of what was served.</param>
/// <param name="Descriptor">Media type, digest and size of the bytes.</param>
/// <param name="Bytes">The document exactly as served.</param>
public sealed record RemoteManifest(ImageReference Reference, Descriptor Descriptor, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>True for an index or manifest list.</summary>
    public bool IsIndex => IndexMediaTypes.IsIndex(Descriptor.MediaType);
}
