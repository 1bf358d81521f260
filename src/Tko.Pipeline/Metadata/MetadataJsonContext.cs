using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tko.Metadata;

/// <summary>Source-generated JSON for <see cref="BuildMetadataDocument"/> (AOT-safe).</summary>
[JsonSerializable(typeof(BuildMetadataDocument))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext
{
    /// <summary>Indented for people, nulls left out, media types' '+' unescaped as in the image documents.</summary>
    public static MetadataJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    });
}
