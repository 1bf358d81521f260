namespace Tko.Compression;

/// <summary>
/// One worker's compressor: turns each tar chunk into bytes that depend only on the chunk, the
/// level and the chunk size, so chunks concatenate in tar order into the same layer whichever
/// worker took each one. Used by one thread at a time.
/// </summary>
internal interface IChunkEncoder : IDisposable
{
    CompressedChunk Compress(TarChunk chunk);
}
