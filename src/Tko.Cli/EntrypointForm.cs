using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tko.Cli;

/// <summary>
/// Reads <c>--entrypoint</c> as Dockerfile's <c>ENTRYPOINT</c> reads its exec form: one path, or a
/// JSON array of strings (<c>["/bin/sh","-c","echo hi"]</c>). A plain string with spaces is refused,
/// not split: tko would have to guess shell quoting, and taking it whole gives an image that cannot start.
/// </summary>
internal static class EntrypointForm
{
    /// <summary>The argv <paramref name="text"/> gives; throws <see cref="FormatException"/> with a hint.</summary>
    public static ImmutableList<string> Parse(string text)
    {
        string trimmed = text.Trim();
        if (trimmed.StartsWith('[')) return JsonArray(trimmed);
        if (text.Length == 0) throw new FormatException("empty; give a path such as /tko-app/app or a JSON array");
        if (text.Any(char.IsWhiteSpace))
            throw new FormatException($"'{text}' has a space but is one path; for an executable with arguments write the exec form, '{Suggestion(text)}'");
        return [text];
    }

    private static ImmutableList<string> JsonArray(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
                throw new FormatException($"'{text}': every element of the JSON array must be a string");
            ImmutableList<string> argv = [.. document.RootElement.EnumerateArray().Select(e => e.GetString()!)];
            return argv.Count > 0 && argv[0].Length > 0
                ? argv
                : throw new FormatException($"'{text}': the JSON array must start with the executable's path");
        }
        catch (JsonException e)
        {
            throw new FormatException($"'{text}' is not a JSON array of strings ({e.Message.Split(" Path:")[0].TrimEnd('.')}), e.g. [\"/bin/sh\",\"-c\",\"echo hi\"]", e);
        }
    }

    /// <summary>The exec form of a space-separated command, as a hint (the user checks the quoting).</summary>
    private static string Suggestion(string text)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (string word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) writer.WriteStringValue(word);
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
