using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Tko;

/// <summary>An image manifest (OCI, or Docker schema 2 which has the same shape).</summary>
[GenerateWith]
public sealed partial record Manifest(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("config")] Descriptor Config,
    [property: JsonPropertyName("layers")] ImmutableList<Descriptor> Layers)
{
    /// <summary>Always 2.</summary>
    [JsonPropertyName("schemaVersion"), JsonPropertyOrder(-1)] public int SchemaVersion { get; init; } = 2;

    /// <summary>The artifact type of an artifact manifest (OCI 1.1), e.g. <c>application/spdx+json</c>; null for an image.</summary>
    [JsonPropertyName("artifactType"), JsonPropertyOrder(-1)] public string? ArtifactType { get; init; }

    /// <summary>The manifest a referrer (OCI 1.1) is about; null for an image.</summary>
    [JsonPropertyName("subject")] public Descriptor? Subject { get; init; }

    /// <summary>Annotations, kept in ordinal key order.</summary>
    [JsonPropertyName("annotations"), JsonConverter(typeof(OrdinalStringMapConverter))]
    public ImmutableSortedDictionary<string, string>? Annotations { get; init; }
}
