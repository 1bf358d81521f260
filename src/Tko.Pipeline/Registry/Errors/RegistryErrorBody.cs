using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tko.Registry;

/// <summary>The body of a registry's error answer: <c>{"errors":[{"code","message","detail"}]}</c>.</summary>
internal sealed record RegistryErrorBody
{
    [JsonPropertyName("errors")] public List<RegistryErrorEntry>? Errors { get; init; }
}

/// <summary>One entry of <see cref="RegistryErrorBody"/>.</summary>
internal sealed record RegistryErrorEntry
{
    [JsonPropertyName("code")] public string? Code { get; init; }

    [JsonPropertyName("message")] public string? Message { get; init; }

    [JsonPropertyName("detail")] public JsonElement? Detail { get; init; }
}
