using Microsoft.Win32.SafeHandles;

namespace Tko.Inspection;

/// <summary>
/// A read-only window on a file, read with positional reads: several slices of one tarball can
/// be read at once (two layers side by side) through one handle without sharing a position.
/// </summary>
internal sealed class FileSlice(SafeFileHandle file, long offset, long length) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0) return 0;
        int read = RandomAccess.Read(file, buffer[..wanted], offset + _position);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0) return 0;
        int read = await RandomAccess.ReadAsync(file, buffer[..wanted], offset + _position, cancellationToken);
        _position += read;
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
