using System.Security.Cryptography;

namespace Tko.Hashing;

/// <summary>
/// Reads a blob (from a registry, or a layout on disk) while hashing it; more bytes than the
/// descriptor's size, fewer at the end, or a different SHA-256 throw
/// <see cref="DigestMismatchException"/> before the reader sees the end of the stream, so nothing
/// unverified is trusted. Disposes <paramref name="owner"/> (e.g. the HTTP response) with itself.
/// </summary>
internal sealed class VerifyingReadStream(Stream inner, Descriptor expected, string subject, IDisposable? owner = null) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private bool _verified;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => expected.Size;
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        Account(buffer[..read], buffer.Length);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await inner.ReadAsync(buffer, cancellationToken);
        Account(buffer.Span[..read], buffer.Length);
        return read;
    }

    private void Account(ReadOnlySpan<byte> bytes, int asked)
    {
        _read += bytes.Length;
        if (_read > expected.Size)
            throw new DigestMismatchException(subject, expected.Digest, null, $"the blob {expected.Digest} is longer than its {expected.Size} bytes");
        _hash.AppendData(bytes);
        if (bytes.Length == 0 && asked > 0 && !_verified) Verify();
    }

    private void Verify()
    {
        _verified = true;
        if (_read != expected.Size)
            throw new DigestMismatchException(subject, expected.Digest, null, $"the blob {expected.Digest} ended after {_read} of its {expected.Size} bytes");
        Digest actual = Digest.FromSha256(_hash.GetHashAndReset());
        if (actual != expected.Digest)
            throw new DigestMismatchException(subject, expected.Digest, actual, $"the blob asked for as {expected.Digest} has digest {actual}");
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            owner?.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
