using System.Collections.Immutable;

namespace Tko;

/// <summary>The manifest of a built image: the base's layers, then tko's, in the base's manifest family.</summary>
public static class ManifestAssembly
{
    /// <summary>The manifest of <paramref name="family"/> for a config and its layers, bottom first.</summary>
    public static Manifest Create(ManifestFamily family, Descriptor config, IEnumerable<Descriptor> layers) =>
        new(family.ManifestMediaType, config, [.. layers]);

    /// <summary>As <see cref="Create(ManifestFamily, Descriptor, IEnumerable{Descriptor})"/>, with the manifest's annotations (see <see cref="ManifestAnnotations.For"/>).</summary>
    public static Manifest Create(ManifestFamily family, Descriptor config, IEnumerable<Descriptor> layers, ImmutableSortedDictionary<string, string>? annotations) =>
        Create(family, config, layers) with { Annotations = annotations };
}
