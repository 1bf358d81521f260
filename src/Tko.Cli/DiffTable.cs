using System.Text.RegularExpressions;

namespace Tko.Cli;

/// <summary>
/// Prints an <see cref="ImageComparison"/> as an aligned table (what, where, A, B) grouped by
/// index, manifest, config and layer, the causes first and the digests that follow from them
/// last. Digests are cut to 12 hex digits and long values shortened; <c>--json</c> has them whole.
/// </summary>
internal static partial class DiffTable
{
    private const int MaxValueWidth = 48;

    public static void Write(ImageComparison comparison, TextWriter output)
    {
        if (comparison.Identical)
        {
            output.WriteLine($"identical: {comparison.A} and {comparison.B} are the same image ({comparison.DigestA})");
            return;
        }
        var rows = new List<string[]>();
        var headings = new Dictionary<int, string>();
        void Group(string heading, IEnumerable<Difference> differences)
        {
            headings[rows.Count] = heading;
            foreach (Difference d in differences)
                rows.Add([d.Field ?? Kind(d.Kind), d.Where, Value(d.A), Value(d.B)]);
        }

        foreach (var group in comparison.Differences.GroupBy(d => (d.Platform, d.Part, d.Layer)))
            Group(Heading(group.Key.Platform, group.Key.Part, group.Key.Layer), group);
        if (!comparison.DigestChanges.IsEmpty)
            Group("digests that follow from the differences above", comparison.DigestChanges.Select(d => d with { Where = (d.Platform is null ? "" : d.Platform + " ") + d.Where }));

        string[] header = ["WHAT", "WHERE", "A", "B"];
        int[] widths = [.. Enumerable.Range(0, 3).Select(c => rows.Append(header).Max(r => r[c].Length))];
        output.WriteLine($"A: {comparison.A} ({Short(comparison.DigestA)})");
        output.WriteLine($"B: {comparison.B} ({Short(comparison.DigestB)})");
        output.WriteLine("  " + Line(header, widths));
        for (int i = 0; i < rows.Count; i++)
        {
            if (headings.TryGetValue(i, out string? heading)) output.WriteLine(heading);
            output.WriteLine("  " + Line(rows[i], widths));
        }
        output.WriteLine($"{Count(comparison.Differences.Count, "difference")}; {Count(comparison.DigestChanges.Count, "digest")} changed as a consequence");
        if (comparison.Hint is { } hint) output.WriteLine("hint: " + hint);
    }

    private static string Heading(string? platform, DifferencePart part, int? layer)
    {
        string what = part switch
        {
            DifferencePart.Index => "index",
            DifferencePart.Manifest => "manifest",
            DifferencePart.Config => "config",
            _ => layer is { } i ? $"layers[{i}]" : "layers",
        };
        return platform is null ? what : $"{platform} {what}";
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, c) => c < widths.Length ? cell.PadRight(widths[c]) : cell)).TrimEnd();

    private static string Kind(DifferenceKind kind) => kind switch
    {
        DifferenceKind.OnlyInA => "only in A",
        DifferenceKind.OnlyInB => "only in B",
        _ => "changed",
    };

    private static string Value(string? value)
    {
        if (value is null) return "-";
        string shown = Short(value).ReplaceLineEndings("\\n");
        return shown.Length <= MaxValueWidth ? shown : shown[..(MaxValueWidth - 1)] + "…";
    }

    private static string Short(string text) => FullDigest().Replace(text, m => m.Value[..19] + "…");

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    [GeneratedRegex("sha256:[0-9a-f]{64}")]
    private static partial Regex FullDigest();
}
