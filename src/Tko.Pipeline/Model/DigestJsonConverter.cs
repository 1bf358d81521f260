using System.Text.Json.Serialization;
using System.Text.Json;

namespace Tko;

/// <summary>Reads and writes a <see cref="Digest"/> as its <c>sha256:HEX</c> string, rejecting anything else.</summary>
public sealed class DigestJsonConverter : JsonConverter<Digest>
{
    /// <inheritdoc/>
    public override Digest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Digest.TryParse(text) ?? throw new JsonException($"'{text}' is not a sha256 digest");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Digest value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
