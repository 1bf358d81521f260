namespace Tko;

/// <summary>A finished layer.</summary>
/// <param name="DiffId">SHA-256 of the uncompressed tar.</param>
/// <param name="Digest">SHA-256 of the gzip blob.</param>
/// <param name="Size">Bytes of the gzip blob.</param>
/// <param name="UncompressedSize">Bytes of the tar.</param>
/// <param name="EntryCount">Tar entries, directories included.</param>
public sealed record LayerResult(Digest DiffId, Digest Digest, long Size, long UncompressedSize, int EntryCount);
