using System.IO.Compression;
using System.Security.Cryptography;

namespace Tko.Testing;

/// <summary>An image read back from an OCI layout after every invariant was checked.</summary>
public sealed record ValidatedImage(Descriptor ManifestDescriptor, Manifest Manifest, ImageConfig Config, IReadOnlyList<byte[]> LayerTars);

/// <summary>
/// Checks every invariant of the images in an OCI layout: each blob's digest and size, that the
/// config's diffIDs are the SHA-256 of the decompressed layers, that non-empty history entries
/// match the layers one to one, and that index.json and oci-layout are well formed. Every test
/// that produces an image calls it.
/// </summary>
public static class ImageValidation
{
    public static IReadOnlyList<ValidatedImage> ValidateLayout(string layoutRoot)
    {
        string marker = File.ReadAllText(Path.Combine(layoutRoot, "oci-layout"));
        using (var parsed = System.Text.Json.JsonDocument.Parse(marker))
            Check(parsed.RootElement.GetProperty("imageLayoutVersion").GetString() == "1.0.0", $"oci-layout is {marker}");
        ImageIndex index = CanonicalJson.ParseIndex(File.ReadAllBytes(Path.Combine(layoutRoot, "index.json")));
        Check(index.SchemaVersion == 2, "index.json schemaVersion is not 2");
        Check(index.Manifests.Count > 0, "index.json lists no manifest");
        return index.Manifests.SelectMany(m => IsIndex(m) ? ValidateIndex(layoutRoot, m) : [ValidateImage(layoutRoot, m)]).ToList();
    }

    /// <summary>Checks an image index and every image it lists, each of which must name its platform once; returns the images in index order.</summary>
    public static IReadOnlyList<ValidatedImage> ValidateIndex(string layoutRoot, Descriptor indexDescriptor)
    {
        ImageIndex index = CanonicalJson.ParseIndex(ReadBlob(layoutRoot, indexDescriptor));
        Check(index.MediaType == indexDescriptor.MediaType, $"index mediaType {index.MediaType} differs from its descriptor's {indexDescriptor.MediaType}");
        Check(index.SchemaVersion == 2, "index schemaVersion is not 2");
        Check(index.Manifests.Count > 0, "the index lists no manifest");
        Check(index.Manifests.All(m => m.Platform is not null), "an index entry has no platform");
        Check(index.Manifests.Select(m => m.Platform!.ToString()).Distinct().Count() == index.Manifests.Count, "the index lists a platform twice");
        Check(index.Manifests.All(m => !IsIndex(m)), "the index lists another index");
        return index.Manifests.Select(m => ValidateImage(layoutRoot, m)).ToList();
    }

    private static bool IsIndex(Descriptor descriptor) => descriptor.MediaType is MediaTypes.OciIndex or MediaTypes.DockerManifestList;

    public static ValidatedImage ValidateImage(string layoutRoot, Descriptor manifestDescriptor)
    {
        Manifest manifest = CanonicalJson.ParseManifest(ReadBlob(layoutRoot, manifestDescriptor));
        Check(manifest.MediaType == manifestDescriptor.MediaType, $"manifest mediaType {manifest.MediaType} differs from its descriptor's {manifestDescriptor.MediaType}");
        Check(manifest.SchemaVersion == 2, "manifest schemaVersion is not 2");
        ImageConfig config = CanonicalJson.ParseConfig(ReadBlob(layoutRoot, manifest.Config));
        Check(config.RootFs.Type == "layers", "rootfs.type is not 'layers'");
        Check(config.RootFs.DiffIds.Count == manifest.Layers.Count,
            $"config lists {config.RootFs.DiffIds.Count} diffIDs for {manifest.Layers.Count} layers");
        int historyLayers = (config.History ?? []).Count(h => !h.EmptyLayer);
        Check(historyLayers == manifest.Layers.Count, $"config has {historyLayers} non-empty history entries for {manifest.Layers.Count} layers");
        if (manifestDescriptor.Platform is { } platform)
            Check(platform.Os == config.Os && platform.Architecture == config.Architecture, $"index platform {platform} differs from config {config.Os}/{config.Architecture}");

        var tars = new List<byte[]>();
        for (int i = 0; i < manifest.Layers.Count; i++)
        {
            Descriptor layer = manifest.Layers[i];
            byte[] blob = ReadBlob(layoutRoot, layer);
            Check(layer.MediaType is MediaTypes.OciLayerGzip or MediaTypes.DockerLayerGzip or MediaTypes.OciLayerZstd, $"layer {i} has media type {layer.MediaType}");
            Check(layer.MediaType != MediaTypes.OciLayerZstd || manifest.MediaType == MediaTypes.OciManifest, $"layer {i} is zstd in a {manifest.MediaType}, which has no zstd media type");
            byte[] tar = layer.MediaType == MediaTypes.OciLayerZstd ? Unzstd(blob) : Gunzip(blob);
            Digest diffId = Digest.OfContent(tar);
            Check(diffId == config.RootFs.DiffIds[i], $"layer {i} decompresses to {diffId}, but the config's diffID is {config.RootFs.DiffIds[i]}");
            tars.Add(tar);
        }
        return new ValidatedImage(manifestDescriptor, manifest, config, tars);
    }

    /// <summary>Reads a blob and checks its size and digest against the descriptor.</summary>
    public static byte[] ReadBlob(string layoutRoot, Descriptor descriptor)
    {
        string path = Path.Combine(layoutRoot, "blobs", descriptor.Digest.Algorithm, descriptor.Digest.Hex);
        Check(File.Exists(path), $"blob {descriptor.Digest} is missing");
        byte[] content = File.ReadAllBytes(path);
        Check(content.Length == descriptor.Size, $"blob {descriptor.Digest} has {content.Length} bytes, its descriptor says {descriptor.Size}");
        Check(Digest.FromSha256(SHA256.HashData(content)) == descriptor.Digest, $"blob {descriptor.Digest} does not hash to its name");
        return content;
    }

    public static byte[] Gunzip(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Decompresses every zstd frame of <paramref name="zstd"/>, back to back.</summary>
    public static byte[] Unzstd(byte[] zstd)
    {
        using var input = new ZstdSharp.DecompressionStream(new MemoryStream(zstd));
        var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition) throw new InvalidDataException($"invalid image: {problem}");
    }
}
