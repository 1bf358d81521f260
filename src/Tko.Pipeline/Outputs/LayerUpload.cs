using Tko.Registry;

namespace Tko;

/// <summary>
/// A layer sink that uploads to a registry repository as <see cref="LayerUploadMode"/> says: either
/// streamed in chunks while the layer is produced, or spooled and, once its digest is known, sent
/// only if the registry lacks it. Every byte is spooled either way, so an interrupted upload
/// resumes without asking the producer again. <see cref="CompleteAsync"/> sends the rest and
/// commits; disposing an unfinished upload cancels the session.
/// </summary>
public sealed class LayerUpload : ILayerSink, IAsyncDisposable
{
    private readonly RegistryHttp _http;
    private readonly RegistryClientOptions _options;
    private readonly UploadSpool _spool;
    private BlobUpload? _upload;
    private ChunkedBlobWriter? _writer;
    private bool _completed;
    private bool _disposed;

    private LayerUpload(RegistryHttp http, ImageReference target, RegistryClientOptions options, BlobUpload? upload, UploadSpool spool)
    {
        (_http, Target, _options, _upload, _spool) = (http, target, options, upload, spool);
        if (upload is not null) _writer = new ChunkedBlobWriter(upload, options.UploadChunkSize);
    }

    /// <summary>The repository the blob goes to.</summary>
    public ImageReference Target { get; }

    /// <summary>Bytes received from the producer so far.</summary>
    public long BytesWritten => _spool.Length;

    /// <summary>True when the registry refused chunks and the blob will be sent whole on completion.</summary>
    public bool SendsWhole => _upload?.ChunksRefused ?? false;

    /// <summary>True when, uploading <see cref="LayerUploadMode.AfterDigest"/>, the registry already had the blob and no byte was sent.</summary>
    public bool WasPresent { get; private set; }

    internal static async Task<LayerUpload> StartAsync(RegistryClient client, ImageReference target, LayerUploadMode mode, CancellationToken cancellationToken)
    {
        UploadSpool spool = UploadSpool.Create(client.Options.TemporaryDirectory);
        try
        {
            BlobUpload? upload = mode == LayerUploadMode.AfterDigest
                ? null
                : await BlobUpload.StartAsync(client.Http, target, RequestAccess.Push(target), spool, client.Options, cancellationToken);
            return new LayerUpload(client.Http, target, client.Options, upload, spool);
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) throw new InvalidOperationException("the upload is complete");
        await _spool.AppendAsync(bytes, cancellationToken);
        if (_writer is null) return;
        try
        {
            await _writer.WriteAsync(bytes, cancellationToken);
        }
        catch (UploadRestartRequiredException e)
        {
            throw Unrecoverable(e);
        }
    }

    /// <summary>Sends what is left, then commits the upload as <paramref name="digest"/> (PUT <c>?digest=</c>).</summary>
    public async Task CompleteAsync(Digest digest, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            if (_writer is null)
            {
                RequestAccess access = RequestAccess.Push(Target);
                if (await new BlobOperations(_http).ExistsAsync(Target, digest, _spool.Length, access, cancellationToken))
                {
                    WasPresent = _completed = true;
                    return;
                }
                // Everything is in the spool: send it from there, a chunk at a time.
                _upload = await BlobUpload.StartAsync(_http, Target, access, _spool, _options, cancellationToken);
                _writer = new ChunkedBlobWriter(_upload, _options.UploadChunkSize, alreadySpooled: _spool.Length);
            }
            await _writer.CompleteAsync(digest, cancellationToken);
            _completed = true;
        }
        catch (UploadRestartRequiredException e)
        {
            throw Unrecoverable(e);
        }
    }

    private RegistryException Unrecoverable(UploadRestartRequiredException e) =>
        new(Target.Name, $"the layer upload failed: {e.Message}; try again", null, e);

    /// <summary>Cancels the session (DELETE) if the upload was not completed, and frees the buffers and the spool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_writer is not null) await _writer.DisposeAsync();
        if (_upload is not null) await _upload.DisposeAsync();
        _spool.Dispose();
    }
}
