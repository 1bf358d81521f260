using System.Text.Json;

namespace Tko.Registry;

/// <summary>
/// The media type of a served manifest: its own <c>mediaType</c> field, else the response's
/// Content-Type when that is a manifest type, else its shape (<c>manifests</c> makes an OCI index,
/// <c>config</c> an OCI manifest). Schema 1 and unknown documents are refused.
/// </summary>
internal static class ManifestMediaType
{
    private static readonly HashSet<string> Known = [MediaTypes.OciManifest, MediaTypes.OciIndex, MediaTypes.DockerManifest, MediaTypes.DockerManifestList];

    /// <summary>The Accept header of manifest requests.</summary>
    public static readonly string[] Accepted = [MediaTypes.OciIndex, MediaTypes.OciManifest, MediaTypes.DockerManifestList, MediaTypes.DockerManifest];

    public static string Detect(ReadOnlySpan<byte> document, string? contentType, string subject)
    {
        ManifestHeader? header;
        try
        {
            header = JsonSerializer.Deserialize(document, RegistryJsonContext.Default.ManifestHeader);
        }
        catch (JsonException e)
        {
            throw new RegistryException(subject, $"the registry served a manifest that is not JSON ({Redactor.OneLine(e.Message)})");
        }
        if (header?.SchemaVersion == 1)
            throw new RegistryException(subject, "the image uses Docker's schema 1 manifest, which tko does not read; push it again with a current docker or skopeo");
        if (header?.MediaType is { Length: > 0 } own)
            return Known.Contains(own) ? own : throw Unsupported(subject, own);
        if (contentType is not null && Known.Contains(contentType))
            return contentType;
        if (header?.Manifests is { ValueKind: JsonValueKind.Array }) return MediaTypes.OciIndex;
        if (header?.Config is { ValueKind: JsonValueKind.Object }) return MediaTypes.OciManifest;
        throw Unsupported(subject, contentType ?? "none");
    }

    private static RegistryException Unsupported(string subject, string mediaType) =>
        new(subject, $"the registry served a document of media type '{mediaType}', which is not an image manifest or index");
}
