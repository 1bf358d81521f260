using System.Collections.Immutable;

namespace Tko.Inspection;

/// <summary>Compares two flattened documents path by path, keeping the first document's order and then the second's extra paths.</summary>
internal static class DocumentComparison
{
    public static ImmutableList<Difference> Compare(
        DifferencePart part, string? platform,
        IReadOnlyList<KeyValuePair<string, string>> a, IReadOnlyList<KeyValuePair<string, string>> b)
    {
        Dictionary<string, string> right = ToMap(b);
        Dictionary<string, string> left = ToMap(a);
        var differences = ImmutableList.CreateBuilder<Difference>();
        foreach ((string path, string value) in a)
        {
            if (!right.TryGetValue(path, out string? other))
                differences.Add(new Difference(part, DifferenceKind.OnlyInA, path, value, null) { Platform = platform });
            else if (!string.Equals(value, other, StringComparison.Ordinal))
                differences.Add(new Difference(part, DifferenceKind.Changed, path, value, other) { Platform = platform });
        }
        foreach ((string path, string value) in b)
            if (!left.ContainsKey(path))
                differences.Add(new Difference(part, DifferenceKind.OnlyInB, path, null, value) { Platform = platform });
        return differences.ToImmutable();
    }

    // JSON objects may repeat a key; the last one wins, as for every JSON reader that keeps one.
    private static Dictionary<string, string> ToMap(IEnumerable<KeyValuePair<string, string>> leaves)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string path, string value) in leaves) map[path] = value;
        return map;
    }
}
