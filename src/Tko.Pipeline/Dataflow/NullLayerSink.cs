namespace Tko;

/// <summary>Discards the layer's bytes; the pipeline still computes its digests. For measuring the engine alone.</summary>
public sealed class NullLayerSink : ILayerSink
{
    /// <summary>The single instance.</summary>
    public static readonly NullLayerSink Instance = new();

    /// <inheritdoc/>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
