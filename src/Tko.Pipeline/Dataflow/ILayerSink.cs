namespace Tko;

/// <summary>
/// Where a layer's compressed bytes go as they are produced: a blob file, a registry upload, or
/// nowhere (benchmarks). Called from one stage only, in order.
/// </summary>
public interface ILayerSink
{
    /// <summary>Receives the next bytes of the gzip blob.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
