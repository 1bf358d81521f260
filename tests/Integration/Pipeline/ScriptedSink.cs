namespace Tko.Integration.Pipeline;

/// <summary>
/// A sink that runs <paramref name="onWrite"/> before each write (given the write's 1-based number),
/// to fail or cancel at a chosen point, and otherwise drops the bytes. Like the library's null sink,
/// it ignores the cancellation token.
/// </summary>
public sealed class ScriptedSink(Action<int> onWrite) : ILayerSink
{
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        onWrite(Interlocked.Increment(ref _writes));
        return ValueTask.CompletedTask;
    }
}
