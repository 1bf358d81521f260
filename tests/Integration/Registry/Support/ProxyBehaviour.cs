namespace Tko.Integration.Registry;

/// <summary>What a <see cref="RegistryProxy"/> does besides forwarding: the registry quirks a real distribution registry does not show.</summary>
internal sealed record ProxyBehaviour
{
    /// <summary>Answer every PATCH with 405, as registries that take blobs whole only do.</summary>
    public bool RefusePatch { get; init; }

    /// <summary>Rewrite the registry's absolute Location headers as paths relative to the host.</summary>
    public bool RelativeLocations { get; init; }

    /// <summary>Set a session cookie when an upload starts and refuse upload requests that do not send it back (Harbor does).</summary>
    public bool RequireUploadCookie { get; init; }

    /// <summary>Flip one byte of every manifest served (same length), as a corrupting cache or an attacker would.</summary>
    public bool CorruptManifests { get; init; }

    /// <summary>Redirect blob GETs to this storage server, as registries backed by S3 do.</summary>
    public Uri? RedirectBlobsTo { get; init; }

    /// <summary>Rewrite the registry's absolute Locations to this origin instead of the proxy's own (another host, plain http).</summary>
    public Uri? RelocateTo { get; init; }

    /// <summary>Rewrite the host of a Bearer challenge's realm to this name, keeping scheme and port (a token server elsewhere).</summary>
    public string? RealmHost { get; init; }

    /// <summary>Answer an upload start that carries Basic credentials with 400, its error message echoing them in base64 and the password URL-encoded.</summary>
    public bool EchoCredentials { get; init; }
}
