namespace Tko.Compression;

/// <summary>The encoder a worker uses for the layer's compression.</summary>
internal static class ChunkEncoders
{
    public static IChunkEncoder For(LayerOptions options) => options.Compression switch
    {
        LayerCompression.Zstd => new ZstdChunkEncoder(options.CompressionLevel, options.ChunkSize),
        _ => new DeflateChunkEncoder(options.CompressionLevel, options.ChunkSize),
    };
}
