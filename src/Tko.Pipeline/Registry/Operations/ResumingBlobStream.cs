using System.Net;
using System.Net.Http.Headers;

namespace Tko.Registry;

/// <summary>
/// A blob's body that, when a read is cut off or stalls, asks the registry again from the byte it got
/// to (<c>Range: bytes=N-</c>), or from the start, skipping what it has, where the registry ignores
/// ranges; within the client's attempts and backoff. A final failure names the registry, repository
/// and digest. Owns each response it reads.
/// </summary>
internal sealed class ResumingBlobStream(RegistryHttp http, ImageReference repository, Descriptor blob, HttpResponseMessage response, Stream body) : Stream
{
    private HttpResponseMessage? _response = response;
    private Stream? _body = body;
    private long _position;
    private int _failures;

    private string Subject => $"{repository.Name}@{blob.Digest}";

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                _body ??= await ReopenAsync(cancellationToken);
                int read = await _body.ReadAsync(buffer, cancellationToken);
                _position += read;
                return read;
            }
            catch (Exception e) when (IsBreak(e) && !cancellationToken.IsCancellationRequested)
            {
                Drop();
                if (++_failures >= http.Options.MaxAttempts) throw Final(e);
                http.Log.Write($"{Subject}: the blob's body broke off at byte {_position} ({e.Message}); asking again from there");
                await RetryDelay.WaitAsync(http.Options, _failures, cancellationToken);
            }
        }
    }

    private async Task<Stream> ReopenAsync(CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, await http.RepositoryUriAsync(repository, "blobs/" + blob.Digest, cancellationToken));
        request.Headers.Range = new RangeHeaderValue(_position, null);
        _response = await http.SendAsync(request, RequestAccess.Pull(repository), cancellationToken);
        bool resumed = _response.StatusCode == HttpStatusCode.PartialContent && _response.Content.Headers.ContentRange?.From == _position;
        if (!resumed && _response.StatusCode != HttpStatusCode.OK)
            throw await http.FailureAsync(_response, RequestAccess.Pull(repository), $"fetching blob {blob.Digest} again from byte {_position}", cancellationToken);
        Stream stream = await _response.Content.ReadAsStreamAsync(cancellationToken);
        if (!resumed)
        {
            // The registry ignores ranges: read again from the start up to where the reader is.
            byte[] skip = new byte[64 << 10];
            for (long skipped = 0; skipped < _position;)
            {
                int read = await stream.ReadAsync(skip.AsMemory(0, (int)Math.Min(skip.Length, _position - skipped)), cancellationToken);
                if (read == 0) throw new IOException($"the blob ended after {skipped} bytes, before byte {_position}");
                skipped += read;
            }
        }
        return stream;
    }

    private static bool IsBreak(Exception e) => e is IOException or TimeoutException or HttpRequestException or RegistryException { IsTransient: true };

    private RegistryException Final(Exception e) => new RegistryUnreachableException(Subject,
        $"reading the blob failed at byte {_position} after {_failures} attempts ({(e is RegistryException ? e.Message : RegistryEndpoints.Innermost(e))}); check the network and that the registry is running",
        new RegistryFailure("GET", http.Redactor.Url(_response?.RequestMessage?.RequestUri), null, [], true), e);

    private void Drop()
    {
        _body?.Dispose();
        _response?.Dispose();
        (_body, _response) = (null, null);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) Drop();
        base.Dispose(disposing);
    }
}
