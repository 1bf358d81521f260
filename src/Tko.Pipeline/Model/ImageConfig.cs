using System.Collections.Immutable;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace Tko;

/// <summary>
/// An image config document. When tko rewrites a base image's config, fields it does not model
/// are carried through unchanged.
/// </summary>
[GenerateWith]
public sealed partial record ImageConfig(
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("os")] string Os)
{
    /// <summary>When the image was made (RFC 3339), kept as written.</summary>
    [JsonPropertyName("created")] public string? Created { get; init; }

    /// <summary>Who made the image.</summary>
    [JsonPropertyName("author")] public string? Author { get; init; }

    /// <summary>The CPU variant.</summary>
    [JsonPropertyName("variant")] public string? Variant { get; init; }

    /// <summary>The operating system version.</summary>
    [JsonPropertyName("os.version")] public string? OsVersion { get; init; }

    /// <summary>The runtime configuration.</summary>
    [JsonPropertyName("config")] public ContainerConfig? Config { get; init; }

    /// <summary>The layers' diffIDs.</summary>
    [JsonPropertyName("rootfs")] public RootFs RootFs { get; init; } = RootFs.Empty;

    /// <summary>The history, one non-empty entry per layer.</summary>
    [JsonPropertyName("history")] public ImmutableList<History>? History { get; init; }

    // Fields tko does not model, kept so a rewritten base config loses nothing. Set only by the
    // deserialiser (extension data cannot be init-only) and never changed afterwards.
    [JsonExtensionData, JsonInclude]
    internal Dictionary<string, JsonElement>? UnknownFields { get; set; }

    /// <summary>The config of an empty image for <paramref name="platform"/>, as <c>scratch</c> has.</summary>
    public static ImageConfig Scratch(Platform platform) =>
        new(platform.Architecture, platform.Os) { Variant = platform.Variant, OsVersion = platform.OsVersion };
}
