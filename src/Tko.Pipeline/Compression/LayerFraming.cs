namespace Tko.Compression;

/// <summary>
/// The fixed bytes before and after a layer's compressed chunks: a gzip member's header, closing
/// block and trailer; nothing for zstd, whose chunks are whole frames.
/// </summary>
/// <param name="Header">Written before the first chunk.</param>
/// <param name="Trailer">Written after the last chunk, from the tar's CRC-32 and length.</param>
internal sealed record LayerFraming(ReadOnlyMemory<byte> Header, Func<uint, long, ReadOnlyMemory<byte>> Trailer)
{
    public static LayerFraming Gzip { get; } = new(GzipFraming.Header, (crc32, length) =>
        (byte[])[.. GzipFraming.FinalBlock.Span, .. GzipFraming.Trailer(crc32, length)]);

    public static LayerFraming Zstd { get; } = new(ReadOnlyMemory<byte>.Empty, (_, _) => ReadOnlyMemory<byte>.Empty);

    public static LayerFraming For(LayerCompression compression) => compression == LayerCompression.Zstd ? Zstd : Gzip;
}
