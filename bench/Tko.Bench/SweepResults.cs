using System.Globalization;

namespace Tko.Bench;

/// <summary>One row of the <see cref="LevelSweep"/> report: a method, its workers and level (none for the shell pipeline), and its MB/s.</summary>
internal sealed record SweepPoint(string Method, int? Workers, int? Level, double MegabytesPerSecond);

/// <summary>
/// Reads the CSV report BenchmarkDotNet wrote for <see cref="LevelSweep"/> (comma-separated, fields
/// with commas quoted): the Method, workers, level and MB/s columns.
/// </summary>
internal static class SweepResults
{
    public const string ReportName = "Tko.Bench.LevelSweep-report.csv";

    public static IReadOnlyList<SweepPoint> Parse(string csv)
    {
        string[] lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2) throw new InvalidDataException("the report has no rows");
        List<string> header = SplitLine(lines[0]);
        int method = Column(header, "Method"), workers = Column(header, "workers"), level = Column(header, "level"), mbs = Column(header, "MB/s");
        var points = new List<SweepPoint>();
        foreach (string line in lines.Skip(1))
        {
            List<string> cells = SplitLine(line);
            if (!double.TryParse(cells[mbs], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) continue; // "-": no result
            points.Add(new SweepPoint(cells[method], OptionalInt(cells[workers]), OptionalInt(cells[level]), value));
        }
        return points;
    }

    private static int Column(List<string> header, string name) =>
        header.IndexOf(name) is int i and >= 0 ? i : throw new InvalidDataException($"the report has no '{name}' column");

    // BenchmarkDotNet writes "?" (or nothing) where a method has no such argument.
    private static int? OptionalInt(string cell) =>
        int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;

    private static List<string> SplitLine(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
