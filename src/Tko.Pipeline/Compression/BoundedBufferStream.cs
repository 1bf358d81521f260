namespace Tko.Compression;

/// <summary>
/// A write-only stream over a fixed buffer, so a compressor writes straight into pooled memory.
/// Bytes past the end are counted and dropped: the compressor's end-of-stream block, written on
/// dispose after a sync flush, is not part of a chunk.
/// </summary>
internal sealed class BoundedBufferStream(byte[] buffer) : Stream
{
    private int _position;

    public int Written => _position;
    public bool Overflowed { get; private set; }

    public override void Write(ReadOnlySpan<byte> source)
    {
        int room = buffer.Length - _position;
        if (source.Length > room)
        {
            Overflowed = true;
            source = source[..room];
        }
        source.CopyTo(buffer.AsSpan(_position));
        _position += source.Length;
    }

    public override void Write(byte[] source, int offset, int count) => Write(source.AsSpan(offset, count));
    public override void WriteByte(byte value) => Write([value]);
    public override void Flush() { }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _position;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
