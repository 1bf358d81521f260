namespace Tko.Registry;

/// <summary>
/// A resumable blob upload: an open session (POST) that PATCHes byte ranges, resumes from the offset
/// the registry reports after a transient failure, opens a new session from the spool (when there
/// is one) if the registry loses it, and commits with PUT, retried the same way. Disposing an
/// uncommitted upload cancels its session.
/// </summary>
internal sealed class BlobUpload(RegistryHttp http, ImageReference target, RequestAccess access, UploadSession session, UploadSpool? spool, RegistryClientOptions options) : IAsyncDisposable
{
    private long _acknowledged;

    public ImageReference Target => target;

    public UploadSession Session { get; private set; } = session;

    /// <summary>Every byte written so far, when the caller cannot produce them again; null otherwise.</summary>
    public UploadSpool? Spool => spool;

    /// <summary>True once the registry refused PATCH: the blob can only be sent whole.</summary>
    public bool ChunksRefused { get; private set; }

    public bool Committed { get; set; }

    public static async Task<BlobUpload> StartAsync(RegistryHttp http, ImageReference target, RequestAccess access, UploadSpool? spool, RegistryClientOptions options, CancellationToken cancellationToken) =>
        new(http, target, access, await OpenSessionAsync(http, target, access, cancellationToken), spool, options);

    /// <summary>
    /// Makes the registry hold every byte up to <paramref name="start"/> + the chunk's length,
    /// PATCHing from the offset it acknowledged: from <paramref name="chunk"/>, or from the spool for
    /// bytes before it. Transient failures are retried (bounded) after asking the registry where it is.
    /// </summary>
    public async Task SendRangeAsync(ReadOnlyMemory<byte> chunk, long start, CancellationToken cancellationToken)
    {
        long end = start + chunk.Length;
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
                    ? chunk[(int)(from - start)..]
                    : await spool!.ReadAsync(from, (int)Math.Min(options.UploadChunkSize, start - from), cancellationToken);
                switch (await Session.PatchAsync(piece, from, cancellationToken))
                {
                    case PatchOutcome.Accepted:
                        _acknowledged = from + piece.Length;
                        break;
                    case PatchOutcome.Refused:
                        http.Log.Write($"{access.Subject}: the registry refuses chunked uploads; the blob will be sent whole");
                        ChunksRefused = true;
                        if (spool is null) throw new ChunkedUploadRefusedException();
                        return;
                    default:
                        if (++failures >= options.MaxAttempts)
                            throw new UploadRestartRequiredException("the registry kept refusing the upload's offset");
                        recover = true;
                        break;
                }
            }
            catch (RegistryException e) when (e.IsTransient && ++failures < options.MaxAttempts)
            {
                http.Log.Write($"{access.Subject}: upload interrupted at byte {_acknowledged} ({e.Message}); resuming");
                await RetryDelay.WaitAsync(options, failures, cancellationToken);
                recover = true;
            }
        }
    }

    /// <summary>
    /// Commits the <paramref name="size"/> bytes sent as <paramref name="digest"/>. A lost session
    /// (a commit whose answer was lost, or an expired session) is checked with HEAD, then started
    /// again from the spool, ending with <paramref name="tail"/> from <paramref name="tailStart"/>.
    /// </summary>
    public async Task CommitAsync(Digest digest, long size, ReadOnlyMemory<byte> tail, long tailStart, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            if (await Session.CommitAsync(digest, null, cancellationToken)) break;
            if (await new BlobOperations(http).ExistsAsync(target, digest, size, access, cancellationToken)) break;
            if (spool is null || attempt >= options.MaxAttempts)
                throw new UploadRestartRequiredException("the registry lost the upload session before it was committed");
            await RestartSessionAsync(cancellationToken);
            await SendRangeAsync(tail, tailStart, cancellationToken);
        }
        Committed = true;
    }

    /// <summary>Asks the registry how many bytes it holds and continues from there, or starts a new session from the spool.</summary>
    private async Task RecoverAsync(long chunkStart, long chunkEnd, CancellationToken cancellationToken)
    {
        long? held = await Session.QueryOffsetAsync(cancellationToken);
        if (held is null)
        {
            if (spool is null) throw new UploadRestartRequiredException("the registry lost the upload session");
            await RestartSessionAsync(cancellationToken);
            return;
        }
        if (held > chunkEnd)
            throw new RegistryException(access.Subject, $"the registry reports {held} bytes uploaded, more than the {chunkEnd} sent; the upload is corrupt");
        if (held < chunkStart && spool is null)
            throw new UploadRestartRequiredException("the registry holds fewer bytes than it acknowledged");
        http.Log.Write($"{access.Subject}: the registry holds {held} bytes; resuming from there");
        _acknowledged = held.Value;
    }

    public async Task RestartSessionAsync(CancellationToken cancellationToken)
    {
        http.Log.Write($"{access.Subject}: the upload session was lost; starting again from the spooled bytes");
        Session = await OpenSessionAsync(http, target, access, cancellationToken);
        _acknowledged = 0;
    }

    private static async Task<UploadSession> OpenSessionAsync(RegistryHttp http, ImageReference target, RequestAccess access, CancellationToken cancellationToken) =>
        await UploadSession.StartAsync(http, target, access, null, cancellationToken)
            ?? throw new InvalidOperationException("an upload without mount always opens a session");

    /// <summary>Cancels the session (DELETE) unless it was committed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Committed) await Session.CancelAsync();
    }
}
