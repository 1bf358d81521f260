using System.Buffers.Binary;

namespace Tko.Compression;

/// <summary>The fixed bytes around the deflate stream that make it one gzip member (RFC 1952).</summary>
internal static class GzipFraming
{
    /// <summary>
    /// Magic, deflate, no flags, mtime 0, no extra flags, OS 255 (unknown): identical on every
    /// machine, unlike gzip(1) which records its OS and, for files, a name and time.
    /// </summary>
    public static ReadOnlyMemory<byte> Header { get; } = new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff };

    /// <summary>
    /// An empty final block with fixed Huffman codes (BFINAL=1, BTYPE=01, end-of-block): closes a
    /// stream whose chunks all ended with a sync flush.
    /// </summary>
    public static ReadOnlyMemory<byte> FinalBlock { get; } = new byte[] { 0x03, 0x00 };

    /// <summary>CRC-32 and length modulo 2^32 of the uncompressed data, little-endian.</summary>
    public static byte[] Trailer(uint crc32, long uncompressedLength)
    {
        var trailer = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(4), unchecked((uint)uncompressedLength));
        return trailer;
    }
}
