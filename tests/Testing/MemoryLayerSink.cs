namespace Tko.Testing;

/// <summary>Keeps a layer's bytes in memory so a test can read them back.</summary>
public sealed class MemoryLayerSink : ILayerSink
{
    private readonly MemoryStream _bytes = new();

    public byte[] Bytes => _bytes.ToArray();

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        _bytes.Write(bytes.Span);
        return ValueTask.CompletedTask;
    }
}
