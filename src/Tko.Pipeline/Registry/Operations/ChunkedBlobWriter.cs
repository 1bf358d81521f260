using System.Buffers;

namespace Tko.Registry;

/// <summary>
/// Streams a blob into a <see cref="BlobUpload"/> as it is produced: bytes are gathered into chunks
/// of the configured size and each full chunk is PATCHed while the next one fills (two buffers), so
/// producing and uploading overlap. <see cref="CompleteAsync"/> sends the rest and commits, whole
/// from the spool when the registry refused chunks.
/// </summary>
internal sealed class ChunkedBlobWriter : IAsyncDisposable
{
    private readonly BlobUpload _upload;
    private readonly int _chunkSize;
    private readonly byte[][] _buffers;
    private int _fillingIndex;
    private int _filled;
    private long _fillingStart;
    private Task _inFlight = Task.CompletedTask;

    /// <param name="upload">Where the bytes go.</param>
    /// <param name="chunkSize">Bytes per PATCH.</param>
    /// <param name="alreadySpooled">Bytes already in the upload's spool and not yet sent: they go first, from there.</param>
    public ChunkedBlobWriter(BlobUpload upload, int chunkSize, long alreadySpooled = 0)
    {
        (_upload, _chunkSize, _fillingStart) = (upload, chunkSize, alreadySpooled);
        _buffers = [ArrayPool<byte>.Shared.Rent(chunkSize), ArrayPool<byte>.Shared.Rent(chunkSize)];
    }

    private ReadOnlyMemory<byte> Filling => _buffers[_fillingIndex].AsMemory(0, _filled);

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        while (!bytes.IsEmpty)
        {
            int take = Math.Min(bytes.Length, _chunkSize - _filled);
            bytes[..take].CopyTo(_buffers[_fillingIndex].AsMemory(_filled));
            _filled += take;
            bytes = bytes[take..];
            if (_filled == _chunkSize) await ShipFullChunkAsync(cancellationToken);
        }
    }

    /// <summary>Sends what is left, then commits the upload as <paramref name="digest"/>.</summary>
    public async Task CompleteAsync(Digest digest, CancellationToken cancellationToken)
    {
        await _inFlight;
        if (!_upload.ChunksRefused)
            await _upload.SendRangeAsync(Filling, _fillingStart, cancellationToken);
        if (_upload.ChunksRefused)
        {
            UploadSpool spool = _upload.Spool ?? throw new ChunkedUploadRefusedException();
            await WholeBlobPut.SendAsync(_upload, digest, spool.Content, cancellationToken);
            return;
        }
        await _upload.CommitAsync(digest, _fillingStart + _filled, Filling, _fillingStart, cancellationToken);
    }

    private async Task ShipFullChunkAsync(CancellationToken cancellationToken)
    {
        await _inFlight;
        if (_upload.ChunksRefused)
        {
            // The spool has these bytes; they will go whole with the rest.
            if (_upload.Spool is null) throw new ChunkedUploadRefusedException();
            _fillingStart += _filled;
            _filled = 0;
            return;
        }
        ReadOnlyMemory<byte> chunk = Filling;
        long start = _fillingStart;
        _fillingIndex = 1 - _fillingIndex;
        _fillingStart = start + chunk.Length;
        _filled = 0;
        _inFlight = _upload.SendRangeAsync(chunk, start, cancellationToken);
    }

    /// <summary>Waits for the chunk in flight (its failure is reported by the writes or the completion) and frees the buffers.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _inFlight;
        }
        catch
        {
            // Reported by WriteAsync or CompleteAsync.
        }
        foreach (byte[] buffer in _buffers) ArrayPool<byte>.Shared.Return(buffer);
    }
}
