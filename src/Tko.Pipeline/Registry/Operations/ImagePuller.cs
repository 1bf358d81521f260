using System.Text.Json;

namespace Tko.Registry;

/// <summary>
/// Fetches what a build needs of a base image for one platform: the manifest (picked from an index
/// when the reference names one), the config, and the layer descriptors. Everything is verified.
/// </summary>
internal sealed class ImagePuller(ManifestOperations manifests, BlobOperations blobs)
{
    private const long MaxConfigBytes = BoundedDocument.ConfigCap;

    public async Task<PulledImage> PullAsync(ImageReference reference, Platform platform, CancellationToken cancellationToken)
    {
        RemoteManifest top = await manifests.GetAsync(reference, cancellationToken);
        RemoteManifest image = top;
        Descriptor? index = null;
        Platform? indexed = null;
        if (top.IsIndex)
        {
            ImageIndex document = Parse(top, CanonicalJson.ParseIndex);
            Descriptor chosen = PlatformMatching.Select(document.Manifests, platform)
                ?? throw new PlatformNotFoundException(reference.ToString(), platform,
                    [.. document.Manifests.Select(m => m.Platform).OfType<Platform>().Where(p => p.Os != "unknown")]);
            image = await manifests.GetAsync(reference.WithDigest(chosen.Digest), cancellationToken);
            if (image.IsIndex)
                throw new RegistryException(reference.ToString(), $"the index entry for {platform} is itself an index; tko reads one level of index only");
            (index, indexed) = (top.Descriptor, chosen.Platform);
        }

        Manifest manifest = Parse(image, CanonicalJson.ParseManifest);
        if (manifest.MediaType is null) manifest = manifest.WithMediaType(image.Descriptor.MediaType);
        if (manifest.Config is null || manifest.Layers is null)
            throw new RegistryException(image.Reference.ToString(), "the manifest has no config or no layers list; it is not an image manifest");
        if (manifest.Config.Size > MaxConfigBytes)
            throw new RegistryException(image.Reference.ToString(), $"the image config is larger than {MaxConfigBytes >> 20} MiB; tko refuses it");

        byte[] configBytes = await blobs.ReadAllAsync(reference, manifest.Config, cancellationToken);
        ImageConfig config = Parse(image with { Bytes = configBytes }, CanonicalJson.ParseConfig, "config");
        if (index is null)
        {
            var actual = new Platform(config.Architecture ?? "", config.Os ?? "") { Variant = config.Variant };
            if (!PlatformMatching.Matches(platform, actual) && PlatformMatching.Select([new Descriptor("", manifest.Config.Digest, 0) { Platform = actual }], platform) is null)
                throw new PlatformNotFoundException(reference.ToString(), platform, [actual]);
        }

        ManifestFamily family = ManifestFamily.Of(image.Descriptor.MediaType);
        return new PulledImage(
            image.Reference,
            family,
            image.Descriptor with { Platform = indexed ?? new Platform(config.Architecture ?? "", config.Os ?? "") { Variant = config.Variant } },
            image.Bytes,
            manifest,
            configBytes,
            config,
            index);
    }

    private static T Parse<T>(RemoteManifest served, Func<ReadOnlySpan<byte>, T> parse, string what = "manifest")
    {
        try
        {
            return parse(served.Bytes.Span);
        }
        catch (JsonException e)
        {
            throw new RegistryException(served.Reference.ToString(), $"the image's {what} cannot be read ({Redactor.OneLine(e.Message)})");
        }
    }
}
