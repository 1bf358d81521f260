using System.Text.Json.Serialization;

namespace Tko;

/// <summary>One history entry of an image config; non-empty entries correspond one to one with layers.</summary>
[GenerateWith]
public sealed partial record History
{
    /// <summary>When the step ran (RFC 3339), kept as written.</summary>
    [JsonPropertyName("created")] public string? Created { get; init; }

    /// <summary>What made the step.</summary>
    [JsonPropertyName("created_by")] public string? CreatedBy { get; init; }

    /// <summary>Who made the step.</summary>
    [JsonPropertyName("author")] public string? Author { get; init; }

    /// <summary>A free comment.</summary>
    [JsonPropertyName("comment")] public string? Comment { get; init; }

    /// <summary>True when the step made no layer.</summary>
    [JsonPropertyName("empty_layer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool EmptyLayer { get; init; }

    // Fields tko does not model, kept so a rewritten base config loses nothing. Set only by the
    // deserialiser (extension data cannot be init-only) and never changed afterwards.
    [JsonExtensionData, JsonInclude]
    internal Dictionary<string, System.Text.Json.JsonElement>? UnknownFields { get; set; }
}
