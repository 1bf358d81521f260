namespace Tko.Inspection;

/// <summary>
/// Passes a tar stream through and, when it ends on a block boundary without the two zero blocks
/// that mark the end of an archive, supplies them, as GNU tar accepts such a tar (umoci writes
/// them). <see cref="Supplied"/> tells whether any supplied byte was read, so that a reader can
/// refuse a tar whose last file was cut off at a block boundary rather than read zeros for it.
/// </summary>
internal sealed class EndOfArchiveStream(Stream inner) : Stream
{
    private const int Block = 512;
    private long _position;
    private int _supplied;

    /// <summary>True once a byte not in the tar itself has been read.</summary>
    public bool Supplied => _supplied > 0;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_supplied == 0 || buffer.IsEmpty)
        {
            int read = inner.Read(buffer);
            if (read > 0 || buffer.IsEmpty) return Passed(read);
        }
        return Supply(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _supplied > 0 || buffer.IsEmpty ? ValueTask.FromResult(Supply(buffer.Span)) : ReadInnerAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private async ValueTask<int> ReadInnerAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int read = await inner.ReadAsync(buffer, cancellationToken);
        return read > 0 ? Passed(read) : Supply(buffer.Span);
    }

    private int Passed(int read)
    {
        _position += read;
        return read;
    }

    /// <summary>The next of the two zero blocks, once the tar has ended on a block boundary; nothing otherwise.</summary>
    private int Supply(Span<byte> buffer)
    {
        if (_position % Block != 0 || buffer.IsEmpty) return 0;
        int count = Math.Min(buffer.Length, 2 * Block - _supplied);
        buffer[..count].Clear();
        _supplied += count;
        return count;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position + _supplied; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
