namespace Tko.Bases;

/// <summary>The platforms a base image lists: its index's entries (attestation entries, <c>unknown/unknown</c>, left out), or a single manifest's one.</summary>
internal static class BasePlatforms
{
    public static async Task<IReadOnlyList<Platform>> ListAsync(string baseRef, RegistryClient registry, CancellationToken cancellationToken)
    {
        IReadOnlyList<Platform> listed;
        if (baseRef.StartsWith(BaseResolver.OciLayoutPrefix, StringComparison.Ordinal))
        {
            listed = await OciLayoutBase.PlatformsAsync(baseRef[BaseResolver.OciLayoutPrefix.Length..], cancellationToken);
        }
        else
        {
            ImageReference reference = ImageReference.Parse(baseRef);
            RemoteManifest top = await registry.GetManifestAsync(reference, cancellationToken);
            listed = top.IsIndex
                ? [.. CanonicalJson.ParseIndex(top.Bytes.Span).Manifests.Select(m => m.Platform).OfType<Platform>()]
                : [await OnlyPlatformAsync(registry, reference, CanonicalJson.ParseManifest(top.Bytes.Span), cancellationToken)];
        }
        return [.. listed.Where(p => p.Os != "unknown" && p.Architecture != "unknown")];
    }

    /// <summary>The platform of a single manifest, from its config.</summary>
    private static async Task<Platform> OnlyPlatformAsync(RegistryClient registry, ImageReference reference, Manifest manifest, CancellationToken cancellationToken)
    {
        ImageConfig config = CanonicalJson.ParseConfig((await registry.GetBlobAsync(reference, manifest.Config, cancellationToken)).Span);
        return new Platform(config.Architecture, config.Os) { Variant = config.Variant };
    }
}
