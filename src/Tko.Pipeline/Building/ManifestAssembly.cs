using Tko.Model;

namespace Tko.Building;

/// <summary>The manifest of a built image: the base's layers, then tko's, in the base's manifest family.</summary>
public static class ManifestAssembly
{
    /// <summary>The manifest of <paramref name="family"/> for a config and its layers, bottom first.</summary>
    public static Manifest Create(ManifestFamily family, Descriptor config, IEnumerable<Descriptor> layers) =>
        new(family.ManifestMediaType, config, [.. layers]);
}
