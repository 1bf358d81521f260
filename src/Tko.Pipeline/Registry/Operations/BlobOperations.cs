using System.Net;
using Tko.Hashing;

namespace Tko.Registry;

/// <summary>Blobs that are already in a repository: HEAD to see whether one is there, GET streamed and verified.</summary>
internal sealed class BlobOperations(RegistryHttp http)
{
    /// <summary>True when the repository has the blob (and, when the registry says, with the expected size).</summary>
    public async Task<bool> ExistsAsync(ImageReference repository, Digest digest, long? size, RequestAccess access, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, await http.RepositoryUriAsync(repository, "blobs/" + digest, cancellationToken));
        using HttpResponseMessage response = await http.SendAsync(request, access, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (!response.IsSuccessStatusCode)
            throw await http.FailureAsync(response, access, $"looking up blob {digest}", cancellationToken);
        return size is null || response.Content.Headers.ContentLength is not { } length || length == size;
    }

    /// <summary>The blob's bytes as a stream that throws <see cref="DigestMismatchException"/> unless they match <paramref name="blob"/>.</summary>
    public async Task<Stream> OpenAsync(ImageReference repository, Descriptor blob, CancellationToken cancellationToken)
    {
        RequestAccess access = RequestAccess.Pull(repository);
        var request = new HttpRequestMessage(HttpMethod.Get, await http.RepositoryUriAsync(repository, "blobs/" + blob.Digest, cancellationToken));
        HttpResponseMessage response = await http.SendAsync(request, access, cancellationToken);
        try
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
                throw new RegistryException(repository.Name, $"the registry has no blob {blob.Digest} in {repository.Repository}, which the image's manifest lists; the image is incomplete",
                    new RegistryFailure("GET", http.Redactor.Url(response.RequestMessage?.RequestUri), 404, await ResponseErrors.ReadErrorsAsync(response, http.Redactor, cancellationToken), false));
            if (!response.IsSuccessStatusCode)
                throw await http.FailureAsync(response, access, $"fetching blob {blob.Digest}", cancellationToken);
            if (response.Content.Headers.ContentLength is { } length && length != blob.Size)
                throw new DigestMismatchException(repository.Name, blob.Digest, null, $"the registry serves blob {blob.Digest} with {length} bytes, not the {blob.Size} of its descriptor");
            Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new VerifyingReadStream(body, blob, $"{repository.Name}@{blob.Digest}", response);
        }
        catch
        {
            response.Dispose();
            request.Dispose();
            throw;
        }
    }

    /// <summary>The whole blob in memory, verified (for configs and other small blobs).</summary>
    public async Task<byte[]> ReadAllAsync(ImageReference repository, Descriptor blob, CancellationToken cancellationToken)
    {
        await using Stream stream = await OpenAsync(repository, blob, cancellationToken);
        byte[] bytes = new byte[blob.Size];
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        // Read past the end so that the stream checks the length and the digest.
        int extra = await stream.ReadAsync(new byte[1], cancellationToken);
        return extra == 0 ? bytes : throw new DigestMismatchException(repository.Name, blob.Digest, null, $"the blob {blob.Digest} is longer than its {blob.Size} bytes");
    }
}
