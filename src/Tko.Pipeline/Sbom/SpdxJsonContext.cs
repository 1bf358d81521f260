using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tko.Sbom;

/// <summary>Source-generated JSON for SPDX documents, written as canonically as the image documents (compact, minimal escaping).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SpdxDocument))]
internal sealed partial class SpdxJsonContext : JsonSerializerContext
{
    /// <summary>The same options as the image documents' canonical context.</summary>
    public static SpdxJsonContext Canonical { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    });

    /// <summary>The document's bytes.</summary>
    public static byte[] Serialize(SpdxDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, Canonical.SpdxDocument);
}
