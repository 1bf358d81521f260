using System.Collections.Immutable;
using System.Text.Json;

namespace Tko.Inspection;

/// <summary>Reads an image's manifests and configs (not its layers) from a store, following one level of index.</summary>
internal static class ImageLoader
{
    public static async Task<LoadedImage> LoadAsync(IImageStore store, string shown, CancellationToken cancellationToken)
    {
        try
        {
            return await LoadOrThrowAsync(store, shown, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TkoException($"{shown}: cannot be read ({e.Message})", e);
        }
    }

    private static async Task<LoadedImage> LoadOrThrowAsync(IImageStore store, string shown, CancellationToken cancellationToken)
    {
        StoredDocument top = await store.ReadTopAsync(cancellationToken);
        if (!IsIndex(top.Descriptor.MediaType))
            return new LoadedImage(top, false, [await ViewAsync(store, shown, top.Descriptor, top.Bytes, null, cancellationToken)], store);

        ImageIndex index = Parse(shown, "index", () => CanonicalJson.ParseIndex(top.Bytes));
        // Attestations and other non-images are listed as unknown/unknown; they are not platforms.
        Descriptor[] listed = [.. index.Manifests.Where(m => m.Platform is { Os.Length: > 0 } p && p.Os != "unknown")];
        if (listed.Length == 0) listed = [.. index.Manifests];
        var images = ImmutableList.CreateBuilder<ImageView>();
        foreach (Descriptor entry in listed)
        {
            if (IsIndex(entry.MediaType))
                throw new TkoException($"{shown}: the index lists another index ({entry.Digest}); tko reads one level of index only");
            byte[] bytes = await store.ReadManifestAsync(entry, cancellationToken);
            images.Add(await ViewAsync(store, shown, entry, bytes, entry.Platform is { Os.Length: > 0 } p ? p : null, cancellationToken));
        }
        return new LoadedImage(top, true, images.ToImmutable(), store);
    }

    private static async Task<ImageView> ViewAsync(IImageStore store, string shown, Descriptor descriptor, byte[] bytes, Platform? listed, CancellationToken cancellationToken)
    {
        Manifest manifest = Parse(shown, "manifest", () => CanonicalJson.ParseManifest(bytes));
        if (manifest.Config is null || manifest.Layers is null)
            throw new TkoException($"{shown}: the manifest {descriptor.Digest} has no config or no layers list; it is not an image manifest");
        byte[] configBytes = await store.ReadBlobAsync(manifest.Config, cancellationToken);
        ImageConfig config = Parse(shown, "config", () => CanonicalJson.ParseConfig(configBytes));
        Platform platform = listed ?? new Platform(config.Architecture ?? "", config.Os ?? "") { Variant = config.Variant };
        return new ImageView(platform, descriptor, bytes, manifest, configBytes, config.RootFs?.DiffIds ?? []);
    }

    private static bool IsIndex(string mediaType) => mediaType is MediaTypes.OciIndex or MediaTypes.DockerManifestList;

    private static T Parse<T>(string shown, string what, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (JsonException e)
        {
            throw new TkoException($"{shown}: the {what} is not valid JSON ({e.Message})", e);
        }
    }
}
