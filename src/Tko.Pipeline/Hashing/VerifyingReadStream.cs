using System.Security.Cryptography;
using Tko.Errors;
using Tko.Model;

namespace Tko.Hashing;

/// <summary>
/// Passes a blob's bytes through while hashing them, and fails at the end of the stream when the
/// size or SHA-256 differ from what the descriptor promised, so nothing unverified is trusted.
/// </summary>
public sealed class VerifyingReadStream(Stream inner, Descriptor expected, string origin) : Stream
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _read;
    private bool _verified;

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        int count = inner.Read(buffer);
        return Account(buffer[..count], atEnd: count == 0 && buffer.Length > 0);
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int count = await inner.ReadAsync(buffer, cancellationToken);
        return Account(buffer.Span[..count], atEnd: count == 0 && buffer.Length > 0);
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Account(ReadOnlySpan<byte> bytes, bool atEnd)
    {
        _read += bytes.Length;
        if (_read > expected.Size)
            throw new TkoException($"{origin}: blob {expected.Digest} is longer than the {expected.Size} bytes its descriptor gives");
        _sha256.AppendData(bytes);
        if (atEnd && !_verified)
        {
            _verified = true;
            if (_read != expected.Size)
                throw new TkoException($"{origin}: blob {expected.Digest} ended after {_read} of {expected.Size} bytes");
            Digest actual = Digest.FromSha256(_sha256.GetHashAndReset());
            if (actual != expected.Digest)
                throw new TkoException($"{origin}: blob {expected.Digest} has digest {actual}; the content is corrupt or was tampered with");
        }
        return bytes.Length;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _sha256.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override bool CanRead => true;
    /// <inheritdoc/>
    public override bool CanSeek => false;
    /// <inheritdoc/>
    public override bool CanWrite => false;
    /// <inheritdoc/>
    public override long Length => expected.Size;
    /// <inheritdoc/>
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    /// <inheritdoc/>
    public override void Flush() { }
    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
