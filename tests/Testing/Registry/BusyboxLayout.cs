using System.Collections.Immutable;

namespace Tko.Testing.Registry;

/// <summary>
/// Writes the busybox image as an OCI layout by hand with the library's canonical JSON: one
/// platform's manifest, or an OCI index over linux/amd64 and linux/arm64 whose two configs differ
/// only in architecture and share the busybox layer (an arm64 box would get amd64 code; the tests
/// that use it read manifests, they do not run the image). index.json names the tag's top
/// descriptor with org.opencontainers.image.ref.name, as skopeo's oci: transport looks it up.
/// </summary>
internal static class BusyboxLayout
{
    public const string PathVariable = "PATH=/usr/sbin:/usr/bin:/sbin:/bin";

    public static async Task WriteImageAsync(string root, string tag)
    {
        Descriptor manifest = await WriteManifestAsync(root, HostPlatform());
        await WriteIndexJsonAsync(root, manifest, tag);
    }

    public static async Task WriteIndexAsync(string root, string tag)
    {
        Descriptor amd64 = await WriteManifestAsync(root, Platform.LinuxAmd64);
        Descriptor arm64 = await WriteManifestAsync(root, new Platform("arm64", "linux"));
        var index = new ImageIndex(MediaTypes.OciIndex, [amd64, arm64]);
        Descriptor indexDescriptor = await WriteBlobAsync(root, CanonicalJson.Serialize(index), MediaTypes.OciIndex);
        await WriteIndexJsonAsync(root, indexDescriptor, tag);
    }

    // The single-platform image says what busybox really is, so a later test may run it.
    private static Platform HostPlatform() => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => new Platform("arm64", "linux"),
        _ => Platform.LinuxAmd64,
    };

    private static async Task<Descriptor> WriteManifestAsync(string root, Platform platform)
    {
        BusyboxLayer layer = BusyboxLayer.Instance;
        Descriptor layerDescriptor = await WriteBlobAsync(root, layer.Gzip, MediaTypes.OciLayerGzip);
        ImageConfig config = ImageConfig.Scratch(platform) with
        {
            Created = "1970-01-01T00:00:00Z",
            Config = new ContainerConfig { Env = [PathVariable], Cmd = ["/bin/sh"] },
            RootFs = new RootFs("layers", [layer.DiffId]),
            History = [new History { Created = "1970-01-01T00:00:00Z", CreatedBy = "tko test fixture: busybox-static" }],
        };
        Descriptor configDescriptor = await WriteBlobAsync(root, CanonicalJson.Serialize(config), MediaTypes.OciConfig);
        var manifest = new Manifest(MediaTypes.OciManifest, configDescriptor, [layerDescriptor]);
        Descriptor descriptor = await WriteBlobAsync(root, CanonicalJson.Serialize(manifest), MediaTypes.OciManifest);
        return descriptor with { Platform = platform };
    }

    private static async Task<Descriptor> WriteBlobAsync(string root, byte[] content, string mediaType)
    {
        var descriptor = new Descriptor(mediaType, Digest.OfContent(content), content.Length);
        string directory = Path.Combine(root, "blobs", descriptor.Digest.Algorithm);
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, descriptor.Digest.Hex), content);
        return descriptor;
    }

    private static async Task WriteIndexJsonAsync(string root, Descriptor top, string tag)
    {
        Descriptor named = top with
        {
            Platform = null,
            Annotations = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal).Add("org.opencontainers.image.ref.name", tag),
        };
        await File.WriteAllBytesAsync(Path.Combine(root, "oci-layout"), CanonicalJson.Serialize(OciLayoutMarker.V1));
        await File.WriteAllBytesAsync(Path.Combine(root, "index.json"), CanonicalJson.Serialize(new ImageIndex(MediaTypes.OciIndex, [named])));
    }
}
