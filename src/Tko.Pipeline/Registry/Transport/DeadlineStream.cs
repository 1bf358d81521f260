namespace Tko.Registry;

/// <summary>A response body that throws <see cref="TimeoutException"/> when a read waits longer than the <see cref="BodyDeadline"/> allows.</summary>
internal sealed class DeadlineStream(Stream inner, BodyDeadline deadline, TimeProvider clock) : Stream
{
    private readonly long _started = clock.GetTimestamp();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        TimeSpan left = deadline.Overall == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : deadline.Overall - clock.GetElapsedTime(_started);
        bool overall = left != Timeout.InfiniteTimeSpan && left < deadline.Idle;
        if (overall && left <= TimeSpan.Zero) throw Expired(true);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(overall ? left : deadline.Idle);
        try
        {
            return await inner.ReadAsync(buffer, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Expired(overall);
        }
    }

    private TimeoutException Expired(bool overall) => new(overall
        ? $"the response body took longer than {deadline.Overall.TotalSeconds:F0} s"
        : $"no byte of the response body for {deadline.Idle.TotalSeconds:F0} s");

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
