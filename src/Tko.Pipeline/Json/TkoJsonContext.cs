using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace Tko.Json;

/// <summary>Source-generated JSON for the image documents tko reads and writes (AOT-safe, no reflection).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImageConfig))]
[JsonSerializable(typeof(Manifest))]
[JsonSerializable(typeof(ImageIndex))]
[JsonSerializable(typeof(OciLayoutMarker))]
[JsonSerializable(typeof(ImmutableList<DockerArchiveEntry>))]
internal sealed partial class TkoJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Compact output escaping only what JSON requires, as Go's encoder does not escape '+' in
    /// media types; the same value always gives the same bytes.
    /// </summary>
    public static TkoJsonContext Canonical { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    });
}
