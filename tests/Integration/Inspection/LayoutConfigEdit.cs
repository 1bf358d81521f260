using Tko.Testing;

namespace Tko.Integration.Inspection;

/// <summary>
/// Changes the config (and optionally the manifest) of the one image in an OCI layout as another
/// tool would: the new config and manifest are written as blobs and index.json points at the new
/// manifest (its annotations kept). Blobs the new manifest names must already be in the layout.
/// </summary>
public static class LayoutConfigEdit
{
    public static void Apply(string layout, Func<ImageConfig, ImageConfig> change, Func<Manifest, Manifest>? changeManifest = null)
    {
        ValidatedImage image = ImageValidation.ValidateLayout(layout).Single();
        byte[] config = CanonicalJson.Serialize(change(image.Config));
        Descriptor configDescriptor = image.Manifest.Config with { Digest = Digest.OfContent(config), Size = config.Length };
        byte[] manifest = CanonicalJson.Serialize((changeManifest ?? (m => m))(image.Manifest) with { Config = configDescriptor });
        Descriptor manifestDescriptor = image.ManifestDescriptor with { Digest = Digest.OfContent(manifest), Size = manifest.Length };
        WriteBlob(layout, configDescriptor.Digest, config);
        WriteBlob(layout, manifestDescriptor.Digest, manifest);
        ImageIndex index = CanonicalJson.ParseIndex(File.ReadAllBytes(Path.Combine(layout, "index.json")));
        File.WriteAllBytes(Path.Combine(layout, "index.json"), CanonicalJson.Serialize(index with
        {
            Manifests = [.. index.Manifests.Select(m => m.Digest == image.ManifestDescriptor.Digest ? manifestDescriptor with { Annotations = m.Annotations, Platform = m.Platform } : m)],
        }));
    }

    /// <summary>Sets one environment variable (NAME=value), replacing the variable of that name or adding it last.</summary>
    public static ImageConfig WithVariable(ImageConfig config, string name, string value)
    {
        ContainerConfig runtime = config.Config ?? new ContainerConfig();
        var env = (runtime.Env ?? []).RemoveAll(v => v.StartsWith(name + "=", StringComparison.Ordinal));
        return config with { Config = runtime with { Env = env.Add($"{name}={value}") } };
    }

    private static void WriteBlob(string layout, Digest digest, byte[] content) =>
        File.WriteAllBytes(Path.Combine(layout, "blobs", digest.Algorithm, digest.Hex), content);
}
