using System.Globalization;
using System.Net.Http.Headers;
using System.Net;

namespace Tko.Registry;

/// <summary>
/// One open blob upload session of the distribution protocol: PATCH chunks at an offset
/// (<c>Content-Range</c> and <c>Content-Length</c>, never chunked encoding), ask the registry how many
/// bytes it has (GET → <c>Range: 0-N</c>), commit with PUT <c>?digest=</c>, or cancel with DELETE.
/// Every answer's <c>Location</c> (absolute or relative to the request) becomes the next URL.
/// </summary>
internal sealed class UploadSession
{
    private readonly RegistryHttp _http;
    private readonly RequestAccess _access;

    private UploadSession(RegistryHttp http, RequestAccess access, Uri location) => (_http, _access, Location) = (http, access, location);

    public Uri Location { get; private set; }

    /// <summary>
    /// Opens a session (POST), asking to mount <paramref name="mount"/> from another repository when
    /// given; null means the registry mounted the blob (201) and no upload is needed.
    /// </summary>
    public static async Task<UploadSession?> StartAsync(RegistryHttp http, ImageReference target, RequestAccess access, (Digest Digest, string From)? mount, CancellationToken cancellationToken)
    {
        string path = "blobs/uploads/" + (mount is { } m ? $"?mount={m.Digest}&from={Uri.EscapeDataString(m.From)}" : "");
        using var request = new HttpRequestMessage(HttpMethod.Post, await http.RepositoryUriAsync(target, path, cancellationToken));
        using HttpResponseMessage response = await http.SendAsync(request, access, cancellationToken);
        if (mount is not null && response.StatusCode == HttpStatusCode.Created) return null;
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw await http.FailureAsync(response, access, "starting a blob upload", cancellationToken);
        Uri location = NextLocation(response, request.RequestUri!)
            ?? throw new RegistryException(access.Subject, "the registry opened an upload without a Location; it does not follow the distribution protocol");
        return new UploadSession(http, access, location);
    }

    /// <summary>Sends <paramref name="bytes"/> as the range starting at <paramref name="offset"/>.</summary>
    public async Task<PatchOutcome> PatchAsync(ReadOnlyMemory<byte> bytes, long offset, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, Location) { Content = new ReadOnlyMemoryContent(bytes) }.Once();
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentLength = bytes.Length;
        request.Content.Headers.TryAddWithoutValidation("Content-Range", string.Create(CultureInfo.InvariantCulture, $"{offset}-{offset + bytes.Length - 1}"));
        using HttpResponseMessage response = await _http.SendAsync(request, _access, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Created or HttpStatusCode.NoContent)
        {
            // ECR answers 201; a Range, when given, must end where this chunk ends.
            if (ParseRangeEnd(response) is { } end && end != offset + bytes.Length - 1 && !(end == -1 && bytes.Length == 1))
                return PatchOutcome.OffsetRejected;
            Location = NextLocation(response, request.RequestUri!) ?? Location;
            return PatchOutcome.Accepted;
        }
        if (response.IsSuccessStatusCode)
        {
            // Anything else that claims success (a 200 from a confused proxy) proves nothing: ask the registry.
            return PatchOutcome.OffsetRejected;
        }
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable) return PatchOutcome.OffsetRejected;
        var errors = await ResponseErrors.ReadErrorsAsync(response, _http.Redactor, cancellationToken);
        if (response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented || errors.Any(e => e.Code == "UNSUPPORTED"))
            return PatchOutcome.Refused;
        if (response.StatusCode == HttpStatusCode.NotFound) return PatchOutcome.SessionLost;
        var failure = new RegistryFailure("PATCH", _http.Redactor.Url(request.RequestUri), (int)response.StatusCode, errors, TransientFailures.IsTransient(response.StatusCode));
        throw new RegistryException(_access.Subject, $"uploading a chunk failed: PATCH {failure.Url} answered {(int)response.StatusCode} {response.ReasonPhrase}{(errors.IsEmpty ? "" : " (" + string.Join("; ", errors) + ")")}", failure);
    }

    /// <summary>How many bytes the registry holds, or null when it no longer knows the session.</summary>
    public async Task<long?> QueryOffsetAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Location);
        using HttpResponseMessage response = await _http.SendAsync(request, _access, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest) return null;
        if (!response.IsSuccessStatusCode)
            throw await _http.FailureAsync(response, _access, "asking for the upload's progress", cancellationToken);
        Location = NextLocation(response, request.RequestUri!) ?? Location;
        return ParseRangeEnd(response) is { } end ? end + 1 : 0;
    }

    /// <summary>Commits the upload as <paramref name="digest"/>, with <paramref name="content"/> as its last bytes when given; false when the session was lost.</summary>
    public async Task<bool> CommitAsync(Digest digest, HttpContent? content, CancellationToken cancellationToken)
    {
        string separator = string.IsNullOrEmpty(Location.Query) ? "?" : "&";
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Location.AbsoluteUri + separator + "digest=" + Uri.EscapeDataString(digest.ToString()))) { Content = content };
        if (content is not null) content.Headers.ContentType ??= new MediaTypeHeaderValue("application/octet-stream");
        using HttpResponseMessage response = await _http.SendAsync(request, _access, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (!response.IsSuccessStatusCode)
            throw await _http.FailureAsync(response, _access, $"completing the upload of blob {digest}", cancellationToken);
        if (ManifestOperations.DigestHeader(response) is { } stored && stored != digest)
            throw new DigestMismatchException(_access.Subject, digest, stored, $"the registry stored the upload of {digest} as {stored}");
        return true;
    }

    /// <summary>Cancels the session (DELETE); failures are ignored, the registry expires sessions anyway.</summary>
    public async Task CancelAsync()
    {
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var request = new HttpRequestMessage(HttpMethod.Delete, Location).Once();
            using HttpResponseMessage response = await _http.SendAsync(request, _access, limit.Token);
        }
        catch (Exception e) when (e is RegistryException or OperationCanceledException)
        {
            _http.Log.Write($"cancelling the upload failed: {e.Message}");
        }
    }

    private static Uri? NextLocation(HttpResponseMessage response, Uri requested) => ResponseLocation.Resolve(response, requested);

    private static long? ParseRangeEnd(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("Range", out HeaderStringValues values)) return null;
        string text = values.ToString().Trim();
        if (text.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)) text = text[6..];
        int dash = text.IndexOf('-');
        if (dash < 0 || !long.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out long end)) return null;
        // "0-0" is what distribution answers for an empty upload (and for one byte): treat it as empty.
        return end == 0 ? -1 : end;
    }
}

/// <summary>What became of a PATCH.</summary>
internal enum PatchOutcome
{
    Accepted,
    OffsetRejected,
    Refused,
    SessionLost,
}
