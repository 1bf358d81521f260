namespace Tko;

/// <summary>
/// How a layer is made. Only <see cref="Compression"/>, <see cref="CompressionLevel"/>,
/// <see cref="ChunkSize"/> and <see cref="ModificationTime"/> shape its bytes; <see cref="Workers"/>
/// changes only the speed.
/// </summary>
/// <param name="Workers">Compression workers running in parallel (1 or more).</param>
/// <param name="CompressionLevel">zlib level 0 (store) to 9 (smallest) for gzip; zstd level 1 to 19 for zstd.</param>
/// <param name="ChunkSize">Bytes of tar compressed independently by one worker.</param>
/// <param name="ModificationTime">The mtime of every entry, in seconds since the epoch.</param>
/// <param name="Compression">gzip (the default, read everywhere) or zstd (OCI manifests only).</param>
[GenerateWith]
public sealed partial record LayerOptions(int Workers, int CompressionLevel, int ChunkSize, long ModificationTime, LayerCompression Compression)
{
    /// <summary>
    /// The default level: the fastest zlib-ng level whose layers are no larger than <c>pigz -1</c>'s.
    /// zlib-ng's level 1 uses static Huffman codes only (about 18% larger on the .NET runtime tree)
    /// and its level 2 still comes out about 1% larger (figures in bench/README.md). For zstd it is
    /// zstd's own default level: about twice gzip-3's speed for a 7% smaller layer; level 5 is the
    /// first under 0.92 of gzip-3's size, but no faster than gzip-3.
    /// </summary>
    public const int DefaultCompressionLevel = 3;

    /// <summary>
    /// The highest zstd level accepted: zstd's own limit without <c>--ultra</c>. Levels 20-22 only
    /// widen the window, which a 1 MiB chunk never fills, at many times the memory per worker.
    /// </summary>
    public const int MaxZstdLevel = 19;

    /// <summary>1 MiB: large enough that the sync flush between chunks costs under 0.1% in size.</summary>
    public const int DefaultChunkSize = 1 << 20;

    /// <summary>The latest mtime a tar header's 11 octal digits hold: 8^11 - 1 seconds (year 2242).</summary>
    public const long MaxModificationTime = (1L << 33) - 1;

    /// <summary>One worker per processor, gzip at the default level and chunk size, mtime 0.</summary>
    public static LayerOptions Default { get; } = new(Environment.ProcessorCount, DefaultCompressionLevel, DefaultChunkSize, 0, LayerCompression.Gzip);

    /// <summary>Throws <see cref="OptionException"/> naming the first property out of range (e.g. <c>LayerOptions.ChunkSize</c>).</summary>
    public LayerOptions Validated()
    {
        if (Workers < 1)
            throw new OptionException(PropertyName(nameof(Workers)), $"{Workers} is not a number of workers; use 1 or more");
        if (!Enum.IsDefined(Compression))
            throw new OptionException(PropertyName(nameof(Compression)), $"{(int)Compression} is not a compression; use gzip or zstd");
        if (Compression == LayerCompression.Gzip && CompressionLevel is < 0 or > 9)
            throw new OptionException(PropertyName(nameof(CompressionLevel)), $"{CompressionLevel} is not a gzip level; use 0 (store) to 9 (smallest)");
        if (Compression == LayerCompression.Zstd && (CompressionLevel < 1 || CompressionLevel > MaxZstdLevel))
            throw new OptionException(PropertyName(nameof(CompressionLevel)), $"{CompressionLevel} is not a zstd level; use 1 (fastest) to {MaxZstdLevel} (smallest)");
        if (ChunkSize < 64 * 1024 || ChunkSize > 256 * 1024 * 1024)
            throw new OptionException(PropertyName(nameof(ChunkSize)), $"{ChunkSize} is out of range; use 64 KiB to 256 MiB");
        if (ModificationTime < 0 || ModificationTime > MaxModificationTime)
            throw new OptionException(PropertyName(nameof(ModificationTime)), $"{ModificationTime} is not a time a tar header can hold");
        return this;
    }

    private static string PropertyName(string property) => $"{nameof(LayerOptions)}.{property}";
}
