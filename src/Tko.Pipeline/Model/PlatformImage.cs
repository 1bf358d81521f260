using System.Collections.Immutable;

namespace Tko;

/// <summary>One platform's image of a build.</summary>
/// <param name="Platform">The platform, as the build was asked for it.</param>
/// <param name="Manifest">The descriptor of the platform's manifest (with its platform).</param>
/// <param name="Config">The descriptor of the platform's config.</param>
/// <param name="Layer">The platform's new layer.</param>
/// <param name="Layers">Every layer of the manifest, the base's first and the new one last.</param>
public sealed record PlatformImage(Platform Platform, Descriptor Manifest, Descriptor Config, LayerResult Layer, ImmutableList<ImageLayer> Layers);
