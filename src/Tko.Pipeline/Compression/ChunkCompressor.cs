using System.Buffers;
using System.IO.Compression;

namespace Tko.Compression;

/// <summary>
/// Compresses one tar chunk into raw deflate that ends with a sync flush, so it stops on a byte
/// boundary and any number of such chunks concatenate into one valid deflate stream. Each chunk
/// starts with an empty window, so its bytes depend only on its content, the level and the chunk
/// size: never on which worker or how many workers compressed it.
/// </summary>
internal static class ChunkCompressor
{
    /// <summary>Room for incompressible input: stored blocks cost 5 bytes per 64 KiB, plus the flush marker.</summary>
    public static int OutputCapacity(int chunkSize) => chunkSize + (chunkSize >> 10) + 1024;

    public static CompressedChunk Compress(TarChunk chunk, int level, int chunkSize)
    {
        byte[] output = ArrayPool<byte>.Shared.Rent(OutputCapacity(chunkSize));
        var sink = new BoundedBufferStream(output);
        int length;
        var options = new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = ZLibCompressionStrategy.Default };
        using (var deflate = new DeflateStream(sink, options, leaveOpen: true))
        {
            deflate.Write(chunk.Buffer, 0, chunk.Length);
            deflate.Flush(); // Z_SYNC_FLUSH: byte-aligned, ends with 00 00 FF FF
            if (sink.Overflowed)
                throw new InvalidOperationException($"chunk {chunk.Index} compressed beyond its {output.Length}-byte buffer");
            length = sink.Written;
        } // disposing writes a final block into the spare room; it is not part of the chunk
        return new CompressedChunk(chunk.Index, output, length, chunk.Length);
    }
}
