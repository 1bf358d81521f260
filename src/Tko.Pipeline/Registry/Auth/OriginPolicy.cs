namespace Tko.Registry;

/// <summary>
/// Where a registry's credentials may go. They are bound to the registry's origin (the endpoint its
/// ping found): any other origin, whether named by an upload <c>Location</c> or a redirect, is sent
/// no <c>Authorization</c>. docker/distribution's client does the same (its challenge manager keys on
/// scheme, host and port), and go-containerregistry sets the header only when the request's host is
/// the registry's. No registry needs credentials on a foreign upload Location: storage-backed ones
/// (S3, GCS, CDNs) sign the URL itself, and S3 refuses a request carrying a second authorization.
/// An https registry pointing at plain http is refused unless the target is loopback or named
/// insecure, and a token realm must be https under the same exception.
/// </summary>
internal static class OriginPolicy
{
    public static OriginVerdict Judge(Origin? registry, Uri target, InsecureRegistries insecure)
    {
        // Without a known endpoint there is nothing to bind credentials to: send none.
        if (registry is null) return OriginVerdict.Foreign;
        Origin origin = Origin.Of(target);
        if (registry.IsHttps && origin.Scheme == "http" && !insecure.AllowsPlainHttp(target.Authority))
            return OriginVerdict.Downgrade;
        return origin == registry ? OriginVerdict.Same : OriginVerdict.Foreign;
    }

    /// <summary>True when Basic credentials or a refresh token may be sent to <paramref name="realm"/>.</summary>
    public static bool AllowsRealm(Uri realm, InsecureRegistries insecure) =>
        realm.Scheme == Uri.UriSchemeHttps || (realm.Scheme == Uri.UriSchemeHttp && insecure.AllowsPlainHttp(realm.Authority));
}

/// <summary>What may be sent to a URL: the registry's credentials, nothing, or not even the request.</summary>
internal enum OriginVerdict
{
    /// <summary>The registry's own origin: credentials go with the request.</summary>
    Same,

    /// <summary>Another origin: the request goes without Authorization.</summary>
    Foreign,

    /// <summary>Plain http reached from an https registry, to a host neither loopback nor insecure: refused.</summary>
    Downgrade,
}
