using System.Buffers;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Tko.Compression;

/// <summary>
/// The zstd layer's chunks: each one complete zstd frame, so the layer is frames concatenated,
/// which every zstd decoder reads as one stream. Every frame parameter is set here rather than left
/// to the library's defaults: the content size is written (it is the chunk's length, which the
/// chunk size already fixes), a checksum is written (as zstd(1) does), no dictionary, and zstd's
/// own threads are off. The context is reset before each chunk, so no chunk sees another's data.
/// </summary>
internal sealed class ZstdChunkEncoder : IChunkEncoder
{
    private readonly Compressor _compressor;
    private readonly int _capacity;

    public ZstdChunkEncoder(int level, int chunkSize)
    {
        _compressor = new Compressor(level);
        _compressor.SetParameter(ZSTD_cParameter.ZSTD_c_contentSizeFlag, 1);
        _compressor.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, 1);
        _compressor.SetParameter(ZSTD_cParameter.ZSTD_c_dictIDFlag, 0);
        _compressor.SetParameter(ZSTD_cParameter.ZSTD_c_nbWorkers, 0);
        _capacity = Compressor.GetCompressBound(chunkSize);
    }

    public CompressedChunk Compress(TarChunk chunk)
    {
        byte[] output = ArrayPool<byte>.Shared.Rent(_capacity);
        try
        {
            // Wrap is ZSTD_compress2: it ends the previous session, keeps the parameters and writes one whole frame.
            int length = _compressor.Wrap(chunk.Buffer.AsSpan(0, chunk.Length), output);
            return new CompressedChunk(chunk.Index, output, length, chunk.Length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(output);
            throw;
        }
    }

    public void Dispose() => _compressor.Dispose();
}
