using Tko.Errors;

namespace Tko.Registry;

/// <summary>
/// A blob's body as served, where a cut or stalled read becomes a transient
/// <see cref="RegistryUnreachableException"/> naming the registry, repository and digest, so the
/// transfer that reads it starts again within its retry budget and a final failure says what failed.
/// </summary>
internal sealed class BlobBodyStream(Stream inner, string subject, string url) : Stream
{
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
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is IOException or TimeoutException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new RegistryUnreachableException(subject, $"reading the blob from GET {url} failed ({RegistryEndpoints.Innermost(e)}); check the network and that the registry is running",
                new RegistryFailure("GET", url, null, [], true), e);
        }
    }

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
