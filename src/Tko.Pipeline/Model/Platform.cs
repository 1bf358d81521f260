using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Tko;

/// <summary>The platform an image runs on, as an OCI index names it.</summary>
[GenerateWith]
public sealed partial record Platform(
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("os")] string Os)
{
    /// <summary>The CPU variant, e.g. <c>v8</c> for arm64.</summary>
    [JsonPropertyName("variant")] public string? Variant { get; init; }

    /// <summary>The operating system version (Windows images).</summary>
    [JsonPropertyName("os.version")] public string? OsVersion { get; init; }

    /// <summary>Required operating system features.</summary>
    [JsonPropertyName("os.features")] public ImmutableList<string>? OsFeatures { get; init; }

    /// <summary>linux/amd64, tko's default.</summary>
    public static Platform LinuxAmd64 { get; } = new("amd64", "linux");

    /// <summary>Parses <c>os/arch[/variant]</c>, e.g. <c>linux/arm64/v8</c>; throws <see cref="FormatException"/> quoting the input otherwise.</summary>
    public static Platform Parse(string text)
    {
        string[] parts = text.Split('/');
        bool wellFormed = parts.Length is 2 or 3 && parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'));
        if (!wellFormed && RuntimeIdentifierPlatform.Meant(text) is { } meant)
            throw new FormatException($"'{text}' is a .NET runtime identifier, not a platform; write {meant}");
        if (!wellFormed)
            throw new FormatException($"'{text}' is not a platform of the form os/arch[/variant], such as linux/amd64 or linux/arm64/v8");
        return new Platform(parts[1], parts[0]) { Variant = parts.Length == 3 ? parts[2] : null };
    }

    /// <summary>The platform as <c>os/arch[/variant]</c>.</summary>
    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
