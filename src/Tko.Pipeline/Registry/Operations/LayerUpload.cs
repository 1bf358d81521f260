using System.Buffers;
using Microsoft.Win32.SafeHandles;
using Tko.Registry;

namespace Tko;

/// <summary>
/// Streams a blob into an open upload session as it is produced: bytes are gathered into chunks of
/// the configured size and each full chunk is PATCHed while the next one fills (two buffers), so
/// compression and upload overlap. Every byte is also spooled to a temporary file, so that:
/// a transient failure resumes from the offset the registry reports; a lost session starts again
/// from the spool; and a registry that refuses PATCH gets the whole blob in one PUT at the end,
/// without asking the producer again. <see cref="CompleteAsync"/> sends the rest and commits;
/// disposing an unfinished upload cancels the session.
/// </summary>
public sealed class LayerUpload : ILayerSink, IAsyncDisposable
{
    private readonly RegistryHttp _http;
    private readonly RequestAccess _access;
    private readonly RegistryClientOptions _options;
    private readonly int _chunkSize;
    private readonly SafeFileHandle? _spool;
    private readonly byte[][] _buffers;
    private UploadSession? _session;
    private readonly bool _deferred;
    private int _fillingIndex;
    private int _filled;
    private long _fillingStart;
    private long _produced;
    private long _acknowledged;
    private Task _inFlight = Task.CompletedTask;
    private bool _chunksRefused;
    private bool _completed;
    private bool _disposed;

    private LayerUpload(RegistryHttp http, ImageReference target, RequestAccess access, UploadSession? session, RegistryClientOptions options, bool spool)
    {
        (_http, Target, _access, _session, _options) = (http, target, access, session, options);
        _deferred = session is null;
        _chunkSize = options.UploadChunkSize;
        _buffers = [ArrayPool<byte>.Shared.Rent(_chunkSize), ArrayPool<byte>.Shared.Rent(_chunkSize)];
        if (spool) _spool = UploadSpool.Create(options);
    }

    /// <summary>The repository the blob goes to.</summary>
    public ImageReference Target { get; }

    /// <summary>Bytes received from the producer so far.</summary>
    public long BytesWritten => _produced;

    /// <summary>True when the registry refused chunks and the blob will be sent whole on completion.</summary>
    public bool SendsWhole => _chunksRefused;

    /// <summary>True when, uploading <see cref="LayerUploadMode.AfterDigest"/>, the registry already had the blob and no byte was sent.</summary>
    public bool WasPresent { get; private set; }

    internal static async Task<LayerUpload> StartAsync(RegistryHttp http, ImageReference target, LayerUploadMode mode, RegistryClientOptions options, CancellationToken cancellationToken)
    {
        RequestAccess access = RequestAccess.Push(target);
        UploadSession? session = mode == LayerUploadMode.AfterDigest
            ? null
            : await UploadSession.StartAsync(http, target, access, null, cancellationToken)
                ?? throw new InvalidOperationException("an upload without mount always opens a session");
        return new LayerUpload(http, target, access, session, options, spool: true);
    }

    /// <summary>An upload into <paramref name="session"/> that keeps no spool: its caller can produce the bytes again.</summary>
    internal static LayerUpload WithoutSpool(RegistryHttp http, ImageReference target, RequestAccess access, UploadSession session, RegistryClientOptions options) =>
        new(http, target, access, session, options, spool: false);

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await WriteCoreAsync(bytes, cancellationToken);
        }
        catch (UploadRestartRequiredException e) when (_spool is not null)
        {
            throw Unrecoverable(e);
        }
    }

    private async Task WriteCoreAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) throw new InvalidOperationException("the upload is complete");
        if (_spool is not null) await UploadSpool.WriteAsync(_spool, bytes, _produced, _options, cancellationToken);
        _produced += bytes.Length;
        if (_deferred) return;
        while (!bytes.IsEmpty)
        {
            int take = Math.Min(bytes.Length, _chunkSize - _filled);
            bytes[..take].CopyTo(_buffers[_fillingIndex].AsMemory(_filled));
            _filled += take;
            bytes = bytes[take..];
            if (_filled == _chunkSize) await ShipFullChunkAsync(cancellationToken);
        }
    }

    /// <summary>Sends what is left, then commits the upload as <paramref name="digest"/> (PUT <c>?digest=</c>).</summary>
    public async Task CompleteAsync(Digest digest, CancellationToken cancellationToken = default)
    {
        try
        {
            await CompleteCoreAsync(digest, cancellationToken);
        }
        catch (UploadRestartRequiredException e) when (_spool is not null)
        {
            throw Unrecoverable(e);
        }
    }

    private RegistryException Unrecoverable(UploadRestartRequiredException e) =>
        new(Target.Name, $"the layer upload failed: {e.Message}; try again", null, e);

    private async Task CompleteCoreAsync(Digest digest, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _inFlight;
        if (_deferred && _session is null)
        {
            if (await new BlobOperations(_http).ExistsAsync(Target, digest, _produced, _access, cancellationToken))
            {
                WasPresent = _completed = true;
                return;
            }
            await RestartSessionAsync(cancellationToken);
            // Everything is in the spool: send it from there, a chunk at a time.
            _fillingStart = _produced;
            _filled = 0;
        }
        if (!_chunksRefused)
            await SendRangeAsync(_buffers[_fillingIndex], _fillingStart, _filled, cancellationToken);
        if (_chunksRefused)
        {
            if (_spool is null) throw new ChunkedUploadRefusedException();
            await CommitWholeAsync(digest, () => new SpoolContent(_spool, 0, _produced), cancellationToken);
            return;
        }
        for (int attempt = 1; ; attempt++)
        {
            if (await _session!.CommitAsync(digest, null, cancellationToken)) break;
            // The session is gone: a commit that succeeded before its answer was lost, or an expired session.
            if (await new BlobOperations(_http).ExistsAsync(Target, digest, _produced, _access, cancellationToken)) break;
            if (_spool is null || attempt >= _options.MaxAttempts)
                throw new UploadRestartRequiredException("the registry lost the upload session before it was committed");
            await RestartSessionAsync(cancellationToken);
            await SendRangeAsync(_buffers[_fillingIndex], _fillingStart, _filled, cancellationToken);
        }
        _completed = true;
    }

    /// <summary>Commits the session with the whole blob as the body of the PUT (for registries that refuse PATCH).</summary>
    internal async Task CommitWholeAsync(Digest digest, Func<HttpContent> body, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            if (await _session!.CommitAsync(digest, body(), cancellationToken)) break;
            if (attempt >= 2) throw new UploadRestartRequiredException("the registry lost the upload session twice");
            await RestartSessionAsync(cancellationToken);
        }
        _completed = true;
    }

    private async Task ShipFullChunkAsync(CancellationToken cancellationToken)
    {
        await _inFlight;
        if (_chunksRefused)
        {
            if (_spool is null) throw new ChunkedUploadRefusedException();
            _fillingStart += _filled;
            _filled = 0;
            return;
        }
        byte[] chunk = _buffers[_fillingIndex];
        long start = _fillingStart;
        int length = _filled;
        _fillingIndex = 1 - _fillingIndex;
        _fillingStart = start + length;
        _filled = 0;
        _inFlight = SendRangeAsync(chunk, start, length, cancellationToken);
    }

    /// <summary>
    /// Makes the registry hold every byte up to <paramref name="start"/> + <paramref name="length"/>,
    /// PATCHing from the offset it acknowledged: from <paramref name="chunk"/>, or from the spool for
    /// bytes before it. Transient failures are retried (bounded) after asking the registry where it is.
    /// </summary>
    private async Task SendRangeAsync(byte[] chunk, long start, int length, CancellationToken cancellationToken)
    {
        long end = start + length;
        int failures = 0;
        bool recover = false;
        while (_acknowledged < end)
        {
            try
            {
                if (recover)
                {
                    await RecoverAsync(start, end, cancellationToken);
                    recover = false;
                    continue;
                }
                long from = _acknowledged;
                ReadOnlyMemory<byte> piece = from >= start
                    ? chunk.AsMemory((int)(from - start), (int)(end - from))
                    : await ReadSpoolAsync(from, (int)Math.Min(_chunkSize, start - from), cancellationToken);
                switch (await _session!.PatchAsync(piece, from, cancellationToken))
                {
                    case PatchOutcome.Accepted:
                        _acknowledged = from + piece.Length;
                        break;
                    case PatchOutcome.Refused:
                        _http.Log.Write($"{_access.Subject}: the registry refuses chunked uploads; the blob will be sent whole");
                        _chunksRefused = true;
                        if (_spool is null) throw new ChunkedUploadRefusedException();
                        return;
                    default:
                        if (++failures >= _options.MaxAttempts)
                            throw new UploadRestartRequiredException("the registry kept refusing the upload's offset");
                        recover = true;
                        break;
                }
            }
            catch (RegistryException e) when (e.IsTransient && ++failures < _options.MaxAttempts)
            {
                _http.Log.Write($"{_access.Subject}: upload interrupted at byte {_acknowledged} ({e.Message}); resuming");
                await RetryDelay.WaitAsync(_options, failures, cancellationToken);
                recover = true;
            }
        }
    }

    /// <summary>Asks the registry how many bytes it holds and continues from there, or starts a new session from the spool.</summary>
    private async Task RecoverAsync(long chunkStart, long chunkEnd, CancellationToken cancellationToken)
    {
        long? held = await _session!.QueryOffsetAsync(cancellationToken);
        if (held is null)
        {
            if (_spool is null) throw new UploadRestartRequiredException("the registry lost the upload session");
            await RestartSessionAsync(cancellationToken);
            return;
        }
        if (held > chunkEnd)
            throw new RegistryException(_access.Subject, $"the registry reports {held} bytes uploaded, more than the {chunkEnd} sent; the upload is corrupt");
        if (held < chunkStart && _spool is null)
            throw new UploadRestartRequiredException("the registry holds fewer bytes than it acknowledged");
        _http.Log.Write($"{_access.Subject}: the registry holds {held} bytes; resuming from there");
        _acknowledged = held.Value;
    }

    private async Task RestartSessionAsync(CancellationToken cancellationToken)
    {
        if (_session is not null) _http.Log.Write($"{_access.Subject}: the upload session was lost; starting again from the spooled bytes");
        _session = await UploadSession.StartAsync(_http, Target, _access, null, cancellationToken)
            ?? throw new InvalidOperationException("an upload without mount always opens a session");
        _acknowledged = 0;
    }

    private async Task<ReadOnlyMemory<byte>> ReadSpoolAsync(long offset, int count, CancellationToken cancellationToken)
    {
        byte[] bytes = new byte[count];
        for (int done = 0; done < count;)
        {
            int read = await RandomAccess.ReadAsync(_spool!, bytes.AsMemory(done), offset + done, cancellationToken);
            if (read == 0) throw new IOException("the upload's spool file is shorter than the bytes written to it");
            done += read;
        }
        return bytes;
    }

    /// <summary>Cancels the session (DELETE) if the upload was not completed, and frees the buffers and the spool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            await _inFlight;
        }
        catch
        {
            // The failure was (or will be) reported by WriteAsync or CompleteAsync.
        }
        if (!_completed && _session is not null) await _session.CancelAsync();
        _spool?.Dispose();
        foreach (byte[] buffer in _buffers) ArrayPool<byte>.Shared.Return(buffer);
    }
}
