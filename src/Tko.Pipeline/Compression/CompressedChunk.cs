
namespace Tko.Compression;

/// <summary>The raw deflate bytes of one tar chunk, in a pooled buffer, ending on a byte boundary.</summary>
internal sealed record CompressedChunk(long Index, byte[] Buffer, int Length, int UncompressedLength);
