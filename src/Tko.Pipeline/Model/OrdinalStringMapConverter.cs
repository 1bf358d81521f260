using System.Collections.Immutable;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace Tko;

/// <summary>
/// Reads and writes a string map with its keys in ordinal order, as Go writes maps, whatever the
/// current culture (the default comparer of a sorted dictionary is culture-sensitive).
/// </summary>
public sealed class OrdinalStringMapConverter : JsonConverter<ImmutableSortedDictionary<string, string>>
{
    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("expected an object of string values");
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString()!;
            reader.Read();
            builder[key] = reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw new JsonException($"the value of '{key}' must be a string");
        }
        return builder.ToImmutable();
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach ((string key, string item) in value.WithComparers(StringComparer.Ordinal))
            writer.WriteString(key, item);
        writer.WriteEndObject();
    }
}
