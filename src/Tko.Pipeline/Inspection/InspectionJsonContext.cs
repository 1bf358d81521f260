using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace Tko.Inspection;

/// <summary>Source-generated JSON for what <c>tko diff</c> prints (AOT-safe): camelCase names, enums by name.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ImageComparison))]
[JsonSerializable(typeof(string))]
internal sealed partial class InspectionJsonContext : JsonSerializerContext
{
    /// <summary>Indented, escaping only what JSON requires, so media types keep their '+' and paths their quotes readable.</summary>
    public static InspectionJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    });
}
