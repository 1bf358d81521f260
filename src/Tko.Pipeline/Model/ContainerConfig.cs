using System.Collections.Immutable;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace Tko;

/// <summary>
/// The runtime part of an image config (its <c>config</c> object). Fields tko does not set
/// (ExposedPorts, Volumes, Healthcheck, …) are kept as they were in the base.
/// </summary>
[GenerateWith]
public sealed partial record ContainerConfig
{
    /// <summary>The user (and group) the process runs as.</summary>
    [JsonPropertyName("User")] public string? User { get; init; }

    /// <summary>Environment variables as <c>NAME=value</c>.</summary>
    [JsonPropertyName("Env")] public ImmutableList<string>? Env { get; init; }

    /// <summary>The entrypoint argv.</summary>
    [JsonPropertyName("Entrypoint")] public ImmutableList<string>? Entrypoint { get; init; }

    /// <summary>Default arguments to the entrypoint.</summary>
    [JsonPropertyName("Cmd")] public ImmutableList<string>? Cmd { get; init; }

    /// <summary>The working directory of the process.</summary>
    [JsonPropertyName("WorkingDir")] public string? WorkingDir { get; init; }

    /// <summary>Labels, kept in ordinal key order.</summary>
    [JsonPropertyName("Labels"), JsonConverter(typeof(OrdinalStringMapConverter))]
    public ImmutableSortedDictionary<string, string>? Labels { get; init; }

    // Fields tko does not model, kept so a rewritten base config loses nothing. Set only by the
    // deserialiser (extension data cannot be init-only) and never changed afterwards.
    [JsonExtensionData, JsonInclude]
    internal Dictionary<string, JsonElement>? UnknownFields { get; set; }
}
