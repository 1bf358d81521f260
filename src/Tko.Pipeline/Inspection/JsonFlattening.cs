using System.Collections.Immutable;
using System.Text.Json;

namespace Tko.Inspection;

/// <summary>
/// Turns a JSON document into (path, value) pairs in document order, one per leaf: objects by
/// <c>.key</c> (or <c>["key"]</c> when the key is not a plain word), arrays by <c>[i]</c>, and
/// environment lists (<c>config.Env</c>) by variable name, <c>config.Env[PATH]</c>, so a variable
/// added in the middle is one difference, not a shift of every later index. Empty objects and
/// arrays are leaves (<c>{}</c>, <c>[]</c>) so their presence still counts. Strings are their text,
/// anything else its JSON.
/// </summary>
internal static class JsonFlattening
{
    private static readonly HashSet<string> EnvironmentLists = ["config.Env", "container_config.Env"];

    public static ImmutableList<KeyValuePair<string, string>> Flatten(ReadOnlySpan<byte> json, Func<string, bool> skip)
    {
        var reader = new Utf8JsonReader(json);
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        var leaves = ImmutableList.CreateBuilder<KeyValuePair<string, string>>();
        Walk(document.RootElement, "", skip, leaves);
        return leaves.ToImmutable();
    }

    private static void Walk(JsonElement element, string path, Func<string, bool> skip, ImmutableList<KeyValuePair<string, string>>.Builder leaves)
    {
        if (path.Length > 0 && skip(path)) return;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when element.EnumerateObject().Any():
                foreach (JsonProperty property in element.EnumerateObject())
                    Walk(property.Value, Member(path, property.Name), skip, leaves);
                break;
            case JsonValueKind.Array when element.GetArrayLength() > 0:
                if (EnvironmentLists.Contains(path) && element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String))
                    WalkEnvironment(element, path, leaves);
                else
                    for (int i = 0; i < element.GetArrayLength(); i++)
                        Walk(element[i], $"{path}[{i}]", skip, leaves);
                break;
            default:
                leaves.Add(new(path, Text(element)));
                break;
        }
    }

    private static void WalkEnvironment(JsonElement list, string path, ImmutableList<KeyValuePair<string, string>>.Builder leaves)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (JsonElement item in list.EnumerateArray())
        {
            string variable = item.GetString()!;
            int equals = variable.IndexOf('=');
            string name = equals < 0 ? variable : variable[..equals];
            int count = seen[name] = seen.GetValueOrDefault(name) + 1;
            leaves.Add(new($"{path}[{name}{(count > 1 ? $"#{count}" : "")}]", variable));
        }
    }

    private static string Member(string path, string name)
    {
        bool plain = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        string member = plain ? name : $"[{JsonSerializer.Serialize(name, InspectionJsonContext.Readable.String)}]";
        return path.Length == 0 ? member : plain ? $"{path}.{member}" : path + member;
    }

    private static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        _ => element.GetRawText(),
    };
}
