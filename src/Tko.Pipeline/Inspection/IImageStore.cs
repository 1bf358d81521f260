namespace Tko.Inspection;

/// <summary>Where an image's documents and blobs are read from: a registry, an OCI layout, a tarball. Everything read is checked against its digest.</summary>
internal interface IImageStore : IDisposable
{
    /// <summary>The image's top document: the manifest or index the reference names, with its descriptor.</summary>
    Task<StoredDocument> ReadTopAsync(CancellationToken cancellationToken);

    /// <summary>A manifest or index listed in an index.</summary>
    Task<byte[]> ReadManifestAsync(Descriptor descriptor, CancellationToken cancellationToken);

    /// <summary>A small blob (a config), whole.</summary>
    Task<byte[]> ReadBlobAsync(Descriptor descriptor, CancellationToken cancellationToken);

    /// <summary>A blob as a stream that fails on its last read unless the bytes match the descriptor.</summary>
    Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken);
}

/// <summary>A manifest or index and its descriptor.</summary>
/// <param name="Descriptor">Media type, digest and size.</param>
/// <param name="Bytes">The document as stored.</param>
internal sealed record StoredDocument(Descriptor Descriptor, byte[] Bytes);
