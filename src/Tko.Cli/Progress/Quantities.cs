using System.Globalization;

namespace Tko.Cli.Progress;

/// <summary>Sizes, rates and durations as the progress display writes them: decimal units, one decimal.</summary>
internal static class Quantities
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB"];

    /// <summary><c>950 B</c>, <c>12.3 kB</c>, <c>27.1 MB</c>.</summary>
    public static string Bytes(long bytes)
    {
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }
        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Units[unit]}");
    }

    /// <summary><c>35.2 MB/s</c>; empty before a tenth of a second has passed, when a rate means nothing yet.</summary>
    public static string Rate(long bytes, TimeSpan elapsed) =>
        elapsed < TimeSpan.FromSeconds(0.1) ? "" : Bytes((long)(bytes / elapsed.TotalSeconds)) + "/s";

    /// <summary><c>1.20 s</c>.</summary>
    public static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.00} s");

    /// <summary><c>45%</c>, never 100% before the stage is done.</summary>
    public static string Percent(double fraction, bool done) =>
        string.Create(CultureInfo.InvariantCulture, $"{(done ? 100 : Math.Min(99, (int)(fraction * 100))),3}%");
}
