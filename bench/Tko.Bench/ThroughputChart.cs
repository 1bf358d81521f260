using System.Globalization;
using ScottPlot;

namespace Tko.Bench;

/// <summary>
/// <c>Tko.Bench chart [--results DIR] [--output PNG]</c>: draws MB/s against gzip level, one line
/// per stage and worker count, from the <see cref="LevelSweep"/> CSV report of the last run, with
/// the shell pipeline (pigz -1) as a reference line. ScottPlot (and its native Skia library) is
/// touched only here, at run time.
/// </summary>
internal static class ThroughputChart
{
    public static int Run(string[] args)
    {
        string results = Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts", "results");
        string output = Path.Combine("bench", "results", "throughput.png");
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--results" when i + 1 < args.Length: results = args[++i]; break;
                case "--output" when i + 1 < args.Length: output = args[++i]; break;
                default:
                    Console.Error.WriteLine("usage: Tko.Bench chart [--results DIR] [--output PNG]");
                    return 2;
            }
        }

        string report = Path.Combine(results, SweepResults.ReportName);
        if (!File.Exists(report))
        {
            Console.Error.WriteLine($"Tko.Bench chart: {report} does not exist; run the sweep first (bench/chart.sh does)");
            return 1;
        }
        IReadOnlyList<SweepPoint> points = SweepResults.Parse(File.ReadAllText(report));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        Draw(points, File.GetLastWriteTimeUtc(report)).SavePng(output, 1100, 680);
        Console.WriteLine(Path.GetFullPath(output));
        return 0;
    }

    private static Plot Draw(IReadOnlyList<SweepPoint> points, DateTime measured)
    {
        var plot = new Plot();
        Color[] palette = [Colors.RoyalBlue, Colors.OrangeRed, Colors.SeaGreen, Colors.Purple];
        foreach (var group in points.Where(p => p.Workers is not null && p.Level is not null)
                     .GroupBy(p => (p.Method, Workers: p.Workers!.Value))
                     .OrderBy(g => g.Key.Method == nameof(LevelSweep.Pipeline) ? 0 : 1).ThenBy(g => g.Key.Workers))
        {
            SweepPoint[] line = group.OrderBy(p => p.Level).ToArray();
            var scatter = plot.Add.Scatter(line.Select(p => (double)p.Level!.Value).ToArray(), line.Select(p => p.MegabytesPerSecond).ToArray());
            string what = group.Key.Method == nameof(LevelSweep.Pipeline) ? "whole layer pipeline (tar, gzip, SHA-256s)" : "gzip stage alone (in memory)";
            scatter.LegendText = $"{what}, {group.Key.Workers} worker{(group.Key.Workers == 1 ? "" : "s")}";
            scatter.Color = palette[group.Key.Workers == 1 ? 0 : 1];
            scatter.LineWidth = 2.5f;
            scatter.MarkerSize = 9;
            bool pipeline = group.Key.Method == nameof(LevelSweep.Pipeline);
            scatter.LinePattern = pipeline ? LinePattern.Solid : LinePattern.Dashed;
            scatter.MarkerShape = pipeline ? MarkerShape.FilledCircle : MarkerShape.OpenSquare;
            if (!pipeline) continue; // values on the product's own lines only, so labels do not pile up
            foreach (SweepPoint p in line)
            {
                var label = plot.Add.Text(p.MegabytesPerSecond.ToString("F0", CultureInfo.InvariantCulture), p.Level!.Value, p.MegabytesPerSecond);
                label.LabelFontSize = 12;
                label.LabelFontColor = scatter.Color;
                label.LabelAlignment = Alignment.LowerLeft;
            }
        }

        if (points.FirstOrDefault(p => p.Method == nameof(LevelSweep.ShellPipelineBaseline)) is SweepPoint shell)
        {
            var reference = plot.Add.HorizontalLine(shell.MegabytesPerSecond);
            reference.LegendText = $"tar | tee >(sha256sum) | pigz -p{Environment.ProcessorCount} -1 | sha256sum: {shell.MegabytesPerSecond:F0} MB/s";
            reference.Color = Colors.DimGray;
            reference.LinePattern = LinePattern.Dotted;
            reference.LineWidth = 2;
        }

        plot.Title($"tko layer throughput against gzip level and workers ({Payload.SampleContentBytes >> 20} MiB sample of the .NET runtime, {Environment.ProcessorCount} CPUs, {measured:yyyy-MM-dd})");
        plot.XLabel("gzip level (zlib-ng)");
        plot.YLabel("MB/s of tar input (10^6 B/s, median)");
        plot.Axes.Bottom.SetTicks([1, 3, 6, 9], ["1", "3 (default)", "6", "9"]);
        plot.Axes.SetLimitsX(0.5, 9.8);
        double top = points.Count == 0 ? 1 : points.Max(p => p.MegabytesPerSecond);
        plot.Axes.SetLimitsY(0, top * 1.12);
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.ShowLegend();
        return plot;
    }
}
