using System.Net.Http.Headers;
using System.Net;

namespace Tko.Registry;

/// <summary>
/// Manifests by tag or digest: GET and HEAD with every manifest and index type accepted, bytes
/// verified against the digest asked for (or the one the registry names), and PUT with the
/// document's own media type.
/// </summary>
internal sealed class ManifestOperations(RegistryHttp http)
{
    public async Task<RemoteManifest> GetAsync(ImageReference reference, CancellationToken cancellationToken)
    {
        RequestAccess access = RequestAccess.Pull(reference);
        using var request = new HttpRequestMessage(HttpMethod.Get, await http.RepositoryUriAsync(reference, "manifests/" + reference.Identifier, cancellationToken));
        foreach (string type in ManifestMediaType.Accepted) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        using HttpResponseMessage response = await http.SendAsync(request, access, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw await NotFoundAsync(response, reference, access, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await http.FailureAsync(response, access, $"fetching the manifest {reference.Identifier}", cancellationToken);

        byte[] bytes = await ReadLimitedAsync(response, reference.ToString(), cancellationToken);
        Digest actual = Digest.OfContent(bytes);
        if (reference.Digest is { } asked && actual != asked)
            throw new DigestMismatchException(reference.ToString(), asked, actual, $"the registry served a manifest whose digest is {actual}, not the {asked} asked for");
        if (DigestHeader(response) is { } named && named != actual)
            throw new DigestMismatchException(reference.ToString(), named, actual, $"the registry named the manifest {named} but its bytes have digest {actual}");

        string mediaType = ManifestMediaType.Detect(bytes, response.Content.Headers.ContentType?.MediaType, reference.ToString());
        return new RemoteManifest(reference.WithDigest(actual), new Descriptor(mediaType, actual, bytes.Length), bytes);
    }

    /// <summary>The manifest's descriptor from a HEAD, or null when there is none.</summary>
    public async Task<Descriptor?> HeadAsync(ImageReference reference, CancellationToken cancellationToken)
    {
        RequestAccess access = RequestAccess.Pull(reference);
        using var request = new HttpRequestMessage(HttpMethod.Head, await http.RepositoryUriAsync(reference, "manifests/" + reference.Identifier, cancellationToken));
        foreach (string type in ManifestMediaType.Accepted) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        using HttpResponseMessage response = await http.SendAsync(request, access, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode)
            throw await http.FailureAsync(response, access, $"looking up the manifest {reference.Identifier}", cancellationToken);
        Digest? digest = DigestHeader(response) ?? reference.Digest;
        string? served = response.Content.Headers.ContentType?.MediaType;
        if (digest is null || served is null || response.Content.Headers.ContentLength is not { } size) return null;
        return new Descriptor(served, digest, size);
    }

    /// <summary>PUTs <paramref name="document"/> at <paramref name="tagOrDigest"/> and checks the registry stored it under its digest.</summary>
    public async Task<Descriptor> PutAsync(ImageReference target, ReadOnlyMemory<byte> document, string mediaType, string tagOrDigest, CancellationToken cancellationToken)
    {
        RequestAccess access = RequestAccess.Push(target);
        Digest digest = Digest.OfContent(document.Span);
        using var request = new HttpRequestMessage(HttpMethod.Put, await http.RepositoryUriAsync(target, "manifests/" + tagOrDigest, cancellationToken))
        {
            Content = new ReadOnlyMemoryContent(document),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using HttpResponseMessage response = await http.SendAsync(request, access, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw await http.FailureAsync(response, access, $"pushing the manifest as {tagOrDigest}", cancellationToken);
        if (DigestHeader(response) is { } stored && stored != digest)
            throw new DigestMismatchException(target.Name, digest, stored, $"the registry stored the manifest pushed as {tagOrDigest} under digest {stored}, not {digest}");
        return new Descriptor(mediaType, digest, document.Length);
    }

    private async Task<RegistryException> NotFoundAsync(HttpResponseMessage response, ImageReference reference, RequestAccess access, CancellationToken cancellationToken)
    {
        var errors = await ResponseErrors.ReadErrorsAsync(response, http.Redactor, cancellationToken);
        var failure = new RegistryFailure("GET", http.Redactor.Url(response.RequestMessage?.RequestUri), 404, errors, false);
        string said = errors.IsEmpty ? "" : " (" + string.Join("; ", errors) + ")";
        return errors.Any(e => e.Code == "NAME_UNKNOWN")
            ? new RepositoryNotFoundException(reference.ToString(), $"the repository {reference.Repository} does not exist on {reference.Registry}{said}; check the image name", failure)
            : new ManifestNotFoundException(reference.ToString(), $"no manifest for {(reference.Digest is null ? "tag" : "digest")} {reference.Identifier} in {reference.Name}{said}; check the tag or digest", failure);
    }

    internal static Digest? DigestHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out IEnumerable<string>? values) ? Digest.TryParse(values.FirstOrDefault()) : null;

    private static async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, string subject, CancellationToken cancellationToken)
    {
        RegistryException tooLarge() => new(subject, $"the manifest {BoundedDocument.TooLarge(BoundedDocument.ManifestCap)}");
        if (response.Content.Headers.ContentLength > BoundedDocument.ManifestCap) throw tooLarge();
        await using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await BoundedDocument.ReadAsync(stream, BoundedDocument.ManifestCap, tooLarge, cancellationToken);
    }
}
