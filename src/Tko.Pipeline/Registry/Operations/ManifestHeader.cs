using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tko.Registry;

/// <summary>The fields that tell what kind of document a manifest is, when its media type must be worked out.</summary>
internal sealed record ManifestHeader
{
    [JsonPropertyName("schemaVersion")] public int? SchemaVersion { get; init; }

    [JsonPropertyName("mediaType")] public string? MediaType { get; init; }

    [JsonPropertyName("config")] public JsonElement? Config { get; init; }

    [JsonPropertyName("manifests")] public JsonElement? Manifests { get; init; }
}
