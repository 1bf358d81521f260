namespace Tko;

/// <summary>Where a base image's blobs can be read from: a registry, an OCI layout on disk.</summary>
public interface IBlobSource
{
    /// <summary>Opens the blob; the stream fails on its last read if the bytes do not match the descriptor's size and digest.</summary>
    Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken);
}
