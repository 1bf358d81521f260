using System.Collections.Immutable;

namespace Tko;

/// <summary>One platform's image of a build.</summary>
/// <param name="Platform">The platform, as the build was asked for it.</param>
/// <param name="Manifest">The descriptor of the platform's manifest (with its platform).</param>
/// <param name="Config">The descriptor of the platform's config.</param>
/// <param name="Layer">The platform's new layer.</param>
/// <param name="Layers">Every layer of the manifest, the base's first and the new one last.</param>
public sealed record PlatformImage(Platform Platform, Descriptor Manifest, Descriptor Config, LayerResult Layer, ImmutableList<ImageLayer> Layers)
{
    /// <summary>Equal when every field is, <see cref="Layers"/> element by element (an ImmutableList alone compares by reference).</summary>
    public bool Equals(PlatformImage? other) =>
        other is not null && Platform == other.Platform && Manifest == other.Manifest && Config == other.Config && Layer == other.Layer
        && Layers.SequenceEqual(other.Layers);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Platform, Manifest, Config, Layer, Layers.Count);
}
