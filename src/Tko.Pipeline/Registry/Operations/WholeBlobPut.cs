namespace Tko.Registry;

/// <summary>
/// The fallback for registries that refuse PATCH: the whole blob is the body of the commit PUT.
/// A session lost before the PUT is opened again once.
/// </summary>
internal static class WholeBlobPut
{
    public static async Task SendAsync(BlobUpload upload, Digest digest, Func<HttpContent> body, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            if (await upload.Session.CommitAsync(digest, body(), cancellationToken)) break;
            if (attempt >= 2) throw new UploadRestartRequiredException("the registry lost the upload session twice");
            await upload.RestartSessionAsync(cancellationToken);
        }
        upload.Committed = true;
    }
}
