using Tko.Pipeline;

namespace Tko.Model;

/// <summary>What a build made.</summary>
/// <param name="Reference">The image reference with its digest, <c>NAME@sha256:…</c>.</param>
/// <param name="Manifest">The descriptor of the manifest (or index, for several platforms).</param>
/// <param name="Config">The descriptor of the config.</param>
/// <param name="Layer">The new layer.</param>
/// <param name="OutputPath">The full path of what was written.</param>
public sealed record BuildResult(string Reference, Descriptor Manifest, Descriptor Config, LayerResult Layer, string OutputPath);
