using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Tko;

/// <summary>An OCI content descriptor: what a blob or manifest is, its digest and its size.</summary>
[GenerateWith]
public sealed partial record Descriptor(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("digest")] Digest Digest,
    [property: JsonPropertyName("size")] long Size)
{
    /// <summary>The platform of a manifest listed in an index.</summary>
    [JsonPropertyName("platform")] public Platform? Platform { get; init; }

    /// <summary>The artifact type of a referrer listed in a referrers index, e.g. <c>application/spdx+json</c>.</summary>
    [JsonPropertyName("artifactType")] public string? ArtifactType { get; init; }

    /// <summary>Annotations, kept in ordinal key order.</summary>
    [JsonPropertyName("annotations"), JsonConverter(typeof(OrdinalStringMapConverter))]
    public ImmutableSortedDictionary<string, string>? Annotations { get; init; }
}
