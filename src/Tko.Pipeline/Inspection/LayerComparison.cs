using System.Collections.Immutable;

namespace Tko.Inspection;

/// <summary>
/// Compares two layers' entries by path: an entry in one layer only, each attribute that differs,
/// and, when the paths they share come in another order, that order (it changes the tar bytes too).
/// </summary>
internal static class LayerComparison
{
    public static ImmutableList<Difference> Compare(int layer, string? platform, IReadOnlyList<LayerEntryView> a, IReadOnlyList<LayerEntryView> b)
    {
        (string[] keysA, Dictionary<string, LayerEntryView> left) = Keyed(a);
        (string[] keysB, Dictionary<string, LayerEntryView> right) = Keyed(b);
        var differences = ImmutableList.CreateBuilder<Difference>();
        Difference Make(DifferenceKind kind, string where, string? field, string? valueA, string? valueB) =>
            new(DifferencePart.Layer, kind, where, valueA, valueB) { Field = field, Platform = platform, Layer = layer };

        foreach (string key in keysA)
        {
            LayerEntryView entry = left[key];
            if (!right.TryGetValue(key, out LayerEntryView? other))
            {
                differences.Add(Make(DifferenceKind.OnlyInA, key, null, entry.Summary(), null));
                continue;
            }
            foreach (((string field, string? valueA), (_, string? valueB)) in entry.Fields().Zip(other.Fields()))
                if (!string.Equals(valueA, valueB, StringComparison.Ordinal))
                    differences.Add(Make(DifferenceKind.Changed, key, field, valueA, valueB));
        }
        foreach (string key in keysB)
            if (!left.ContainsKey(key))
                differences.Add(Make(DifferenceKind.OnlyInB, key, null, null, right[key].Summary()));

        string[] orderA = [.. keysA.Where(right.ContainsKey)];
        string[] orderB = [.. keysB.Where(left.ContainsKey)];
        int first = Enumerable.Range(0, orderA.Length).FirstOrDefault(i => orderA[i] != orderB[i], -1);
        if (first >= 0)
            differences.Add(Make(DifferenceKind.Changed, $"entry #{first + 1} of the shared paths", "order", orderA[first], orderB[first]));
        return differences.ToImmutable();
    }

    /// <summary>Entries by path in tar order; a path stored again (a later entry replaces it on unpacking) gets a <c> (#2)</c> suffix.</summary>
    private static (string[] Order, Dictionary<string, LayerEntryView> ByKey) Keyed(IEnumerable<LayerEntryView> entries)
    {
        var order = new List<string>();
        var keyed = new Dictionary<string, LayerEntryView>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (LayerEntryView entry in entries)
        {
            int count = seen[entry.Path] = seen.GetValueOrDefault(entry.Path) + 1;
            string key = count == 1 ? entry.Path : $"{entry.Path} (#{count})";
            order.Add(key);
            keyed.Add(key, entry);
        }
        return ([.. order], keyed);
    }
}
