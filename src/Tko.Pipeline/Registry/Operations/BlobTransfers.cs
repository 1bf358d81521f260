namespace Tko.Registry;

/// <summary>
/// Puts blobs into a target repository: HEAD first (nothing to do when it is there), a
/// cross-repository mount within one registry (a registry may answer with a plain upload session
/// instead: then the bytes are copied into it), or a copy streamed from the source registry in
/// chunks, verified, and sent whole where PATCH is refused. A copy that fails transiently starts
/// again from the source, a bounded number of times.
/// </summary>
internal sealed class BlobTransfers(RegistryHttp http, BlobOperations blobs, RegistryClientOptions options)
{
    private const int ReadSize = 1 << 20;

    public Task<BlobTransfer> EnsureAsync(ImageReference source, ImageReference target, Descriptor blob, CancellationToken cancellationToken) =>
        RetriedAsync($"{target.Name}@{blob.Digest}", () => EnsureOnceAsync(source, target, blob, cancellationToken), cancellationToken);

    public async Task<BlobTransfer> PutAsync(ImageReference target, ReadOnlyMemory<byte> bytes, string mediaType, CancellationToken cancellationToken)
    {
        var blob = new Descriptor(mediaType, Digest.OfContent(bytes.Span), bytes.Length);
        return await RetriedAsync($"{target.Name}@{blob.Digest}", async () =>
        {
            RequestAccess access = RequestAccess.Push(target);
            if (await blobs.ExistsAsync(target, blob.Digest, blob.Size, access, cancellationToken))
                return new BlobTransfer(blob, BlobTransferKind.AlreadyPresent);
            await using BlobUpload upload = await BlobUpload.StartAsync(http, target, access, null, options, cancellationToken);
            await WholeBlobPut.SendAsync(upload, blob.Digest, () => new ReadOnlyMemoryContent(bytes), cancellationToken);
            return new BlobTransfer(blob, BlobTransferKind.Uploaded);
        }, cancellationToken);
    }

    private async Task<BlobTransfer> EnsureOnceAsync(ImageReference source, ImageReference target, Descriptor blob, CancellationToken cancellationToken)
    {
        bool sameRegistry = source.Registry.Equals(target.Registry, StringComparison.OrdinalIgnoreCase);
        bool mountable = sameRegistry && source.Repository != target.Repository;
        RequestAccess access = mountable ? RequestAccess.Mount(source, target) : RequestAccess.Push(target);
        if (await blobs.ExistsAsync(target, blob.Digest, blob.Size, access, cancellationToken))
            return new BlobTransfer(blob, BlobTransferKind.AlreadyPresent);

        UploadSession? session = await UploadSession.StartAsync(http, target, access, mountable ? (blob.Digest, source.Repository) : null, cancellationToken);
        if (session is null) return new BlobTransfer(blob, BlobTransferKind.Mounted);

        await using var upload = new BlobUpload(http, target, access, session, null, options);
        try
        {
            await using var writer = new ChunkedBlobWriter(upload, options.UploadChunkSize);
            await using (Stream content = await blobs.OpenAsync(source, blob, cancellationToken))
            {
                byte[] buffer = new byte[ReadSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                    await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await writer.CompleteAsync(blob.Digest, cancellationToken);
        }
        catch (ChunkedUploadRefusedException)
        {
            // The registry takes blobs whole only: stream the source again straight into one PUT.
            await using Stream content = await blobs.OpenAsync(source, blob, cancellationToken);
            await WholeBlobPut.SendAsync(upload, blob.Digest, () => new StreamContent(content) { Headers = { ContentLength = blob.Size } }, cancellationToken);
        }
        return new BlobTransfer(blob, BlobTransferKind.Copied);
    }

    private async Task<BlobTransfer> RetriedAsync(string subject, Func<Task<BlobTransfer>> transfer, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await transfer();
            }
            catch (Exception e) when (e is RegistryException { IsTransient: true } or UploadRestartRequiredException && attempt < options.MaxAttempts)
            {
                http.Log.Write($"{subject}: transfer failed ({e.Message}); starting it again");
                await RetryDelay.WaitAsync(options, attempt, cancellationToken);
            }
            catch (UploadRestartRequiredException e)
            {
                throw new RegistryException(subject, $"the upload could not be completed: {e.Message}; try again", null, e);
            }
        }
    }
}
