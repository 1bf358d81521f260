using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Tko;

/// <summary>One image in the <c>manifest.json</c> of a <c>docker save</c> tarball.</summary>
public sealed record DockerArchiveEntry(
    [property: JsonPropertyName("Config")] string Config,
    [property: JsonPropertyName("RepoTags")] ImmutableList<string> RepoTags,
    [property: JsonPropertyName("Layers")] ImmutableList<string> Layers);
