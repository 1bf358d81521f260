using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Tko;

/// <summary>An image index (OCI) or manifest list (Docker): one manifest per platform.</summary>
[GenerateWith]
public sealed partial record ImageIndex(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("manifests")] ImmutableList<Descriptor> Manifests)
{
    /// <summary>Always 2.</summary>
    [JsonPropertyName("schemaVersion"), JsonPropertyOrder(-1)] public int SchemaVersion { get; init; } = 2;

    /// <summary>Annotations, kept in ordinal key order.</summary>
    [JsonPropertyName("annotations"), JsonConverter(typeof(OrdinalStringMapConverter))]
    public ImmutableSortedDictionary<string, string>? Annotations { get; init; }
}
