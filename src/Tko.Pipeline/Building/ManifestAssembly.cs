using Tko.Model;

namespace Tko.Building;

/// <summary>The manifest of a built image: the base's layers, then tko's, in the base's manifest family.</summary>
public static class ManifestAssembly
{
    /// <summary>The OCI manifest for a config and its layers.</summary>
    public static Manifest Oci(Descriptor config, IEnumerable<Descriptor> layers) =>
        new(MediaTypes.OciManifest, config, [.. layers]);
}
