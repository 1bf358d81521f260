namespace Tko.Compression;

/// <summary>The gzip layer's chunks: raw deflate ending in a sync flush (<see cref="ChunkCompressor"/>).</summary>
internal sealed class DeflateChunkEncoder(int level, int chunkSize) : IChunkEncoder
{
    public CompressedChunk Compress(TarChunk chunk) => ChunkCompressor.Compress(chunk, level, chunkSize);

    public void Dispose() { }
}
