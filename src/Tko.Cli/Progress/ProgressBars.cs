using System.Collections.Immutable;

namespace Tko.Cli.Progress;

/// <summary>
/// The live display for a terminal: three lines per platform (read, compress, and write or upload),
/// each a bar with its percentage, amounts and average rate, cut to the terminal's width so a line
/// never wraps (a wrapped line would break the redraw).
/// </summary>
internal static class ProgressBars
{
    private const int BarWidth = 24;
    private const int StageWidth = 9;

    /// <summary>
    /// The lines for <paramref name="progress"/> at <paramref name="now"/> (time since the build started).
    /// <paramref name="outputVerb"/> names the last stage (<c>upload</c>, <c>write</c>); platforms are
    /// named on their first line when <paramref name="labelPlatforms"/>.
    /// </summary>
    public static ImmutableArray<string> Render(BuildProgress progress, TimeSpan now, string outputVerb, bool labelPlatforms, int width)
    {
        int labelWidth = labelPlatforms ? progress.Platforms.Max(p => p.Platform.Length) + 1 : 0;
        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (PlatformProgress platform in progress.Platforms)
        {
            if (platform.StartedAt is not { } started) continue;
            string label = labelPlatforms ? platform.Platform.PadRight(labelWidth) : "";
            string indent = new(' ', labelWidth);
            lines.Add(Fit(label + ReadLine(platform, now - started), width));
            lines.Add(Fit(indent + CompressLine(platform, now - started), width));
            lines.Add(Fit(indent + OutputLine(platform, now - started, outputVerb), width));
        }
        return lines.ToImmutable();
    }

    private static string ReadLine(PlatformProgress p, TimeSpan sinceStart)
    {
        bool done = p.ReadDoneAt is not null;
        TimeSpan elapsed = done ? p.ReadDoneAt!.Value - p.StartedAt!.Value : sinceStart;
        double fraction = p.ContentBytes == 0 ? (p.Entries == 0 ? 1 : (double)p.Files / p.Entries) : (double)p.Read / p.ContentBytes;
        return Join("read".PadRight(StageWidth), Bar(fraction, done), Quantities.Percent(fraction, done),
            $"{Quantities.Bytes(p.Read)} of {Quantities.Bytes(p.ContentBytes)}", Quantities.Rate(p.Read, elapsed), $"{p.Files}/{p.Entries} files");
    }

    private static string CompressLine(PlatformProgress p, TimeSpan sinceStart)
    {
        bool done = p.LayerDoneAt is not null;
        TimeSpan elapsed = done ? p.LayerDoneAt!.Value - p.StartedAt!.Value : sinceStart;
        double fraction = (double)p.Compressed / p.ApproximateTarBytes;
        return Join("compress".PadRight(StageWidth), Bar(fraction, done), Quantities.Percent(fraction, done),
            $"{Quantities.Bytes(p.Compressed)} of tar", Quantities.Rate(p.Compressed, elapsed));
    }

    private static string OutputLine(PlatformProgress p, TimeSpan sinceStart, string verb)
    {
        if (p.LayerDoneAt is { } doneAt)
            return Join(verb.PadRight(StageWidth), "done:", $"layer {Short(p.LayerDigest)}", Quantities.Bytes(p.LayerSize),
                $"in {Quantities.Seconds(doneAt - p.StartedAt!.Value)}");
        return Join(verb.PadRight(StageWidth), $"{Quantities.Bytes(p.Written)} of gzip", Quantities.Rate(p.Written, sinceStart));
    }

    /// <summary><c>[##########--------------]</c>.</summary>
    public static string Bar(double fraction, bool done)
    {
        int filled = done ? BarWidth : (int)Math.Clamp(fraction * BarWidth, 0, BarWidth - 1);
        return "[" + new string('#', filled) + new string('-', BarWidth - filled) + "]";
    }

    /// <summary><c>sha256:</c> and the first 12 hex digits, as Docker shortens ids.</summary>
    public static string Short(string? digest) => digest is { Length: > 19 } ? digest[..19] : digest ?? "";

    private static string Join(params string[] parts) => string.Join("  ", parts.Where(p => p.Length > 0));

    private static string Fit(string line, int width) => width > 1 && line.Length >= width ? line[..(width - 1)] : line;
}
