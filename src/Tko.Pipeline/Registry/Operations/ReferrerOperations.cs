using System.Net;

namespace Tko.Registry;

/// <summary>
/// Attaches a referrer (a manifest with a <c>subject</c>) to its subject: the manifest is pushed by
/// digest; a registry with the referrers API lists it from then on, and for one without it the
/// referrers tag's index is read, the referrer added, and the index pushed back.
/// </summary>
internal sealed class ReferrerOperations(RegistryHttp http, ManifestOperations manifests)
{
    /// <summary>Attaches the referrer; returns the bytes of the documents it PUT (the manifest, and the referrers index if it changed).</summary>
    public async Task<long> AttachAsync(ImageReference target, ReadOnlyMemory<byte> manifest, Descriptor referrer, Digest subject, CancellationToken cancellationToken)
    {
        await manifests.PutAsync(target, manifest, referrer.MediaType, referrer.Digest.ToString(), cancellationToken);
        if (await HasReferrersApiAsync(target, subject, cancellationToken)) return manifest.Length;

        ImageReference tag = target.WithTag(ReferrersTag.For(subject));
        ImageIndex? existing = null;
        if (await manifests.HeadAsync(tag, cancellationToken) is not null)
        {
            RemoteManifest listed = await manifests.GetAsync(tag, cancellationToken);
            // Anything but an index at the tag is not a referrers list: it is replaced.
            if (listed.IsIndex) existing = CanonicalJson.ParseIndex(listed.Bytes.Span);
        }
        ImageIndex merged = ReferrersTag.Merge(existing, referrer);
        if (existing is not null && merged.Manifests.Count == existing.Manifests.Count) return manifest.Length;
        byte[] index = CanonicalJson.Serialize(merged);
        await manifests.PutAsync(target, index, MediaTypes.OciIndex, tag.Tag!, cancellationToken);
        return manifest.Length + index.Length;
    }

    /// <summary>
    /// True when <c>GET /v2/NAME/referrers/DIGEST</c> answers with a list; a 404 (or any other
    /// refusal) means the registry predates the API, as the spec's fallback rule says.
    /// </summary>
    private async Task<bool> HasReferrersApiAsync(ImageReference target, Digest subject, CancellationToken cancellationToken)
    {
        RequestAccess access = RequestAccess.Pull(target);
        using var request = new HttpRequestMessage(HttpMethod.Get, await http.RepositoryUriAsync(target, "referrers/" + subject, cancellationToken));
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(MediaTypes.OciIndex));
        using HttpResponseMessage response = await http.SendAsync(request, access, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            && response.Content.Headers.ContentType?.MediaType == MediaTypes.OciIndex;
    }
}
