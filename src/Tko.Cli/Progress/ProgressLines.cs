using System.Collections.Immutable;

namespace Tko.Cli.Progress;

/// <summary>
/// Progress for logs, where stderr is not a terminal: plain <c>tko:</c> lines, never a carriage
/// return. A line when a platform finishes reading and when its layer is done, and a status line
/// every few seconds in between; and only for layers large enough that their progress is worth a
/// line, so a small build (and its failure) prints exactly what it prints without progress.
/// </summary>
internal static class ProgressLines
{
    /// <summary>File content from which a build's progress is reported: 32 MiB, about a second of work.</summary>
    public const long ReportedFrom = 32L << 20;

    /// <summary>Whether any platform's layer is large enough for progress lines.</summary>
    public static bool WorthReporting(BuildProgress progress) => progress.Platforms.Any(p => p.ContentBytes >= ReportedFrom);

    /// <summary>The lines for what finished between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static ImmutableArray<string> Milestones(BuildProgress before, BuildProgress after, bool labelPlatforms)
    {
        var lines = ImmutableArray.CreateBuilder<string>();
        foreach (PlatformProgress now in after.Platforms)
        {
            PlatformProgress? earlier = before.Platforms.Find(p => p.Platform == now.Platform);
            string label = Label(now, labelPlatforms);
            if (now.ReadDoneAt is { } readAt && earlier?.ReadDoneAt is null)
            {
                TimeSpan took = readAt - now.StartedAt!.Value;
                lines.Add(WithRate($"tko: {label}read {now.Files} entries, {Quantities.Bytes(now.Read)} in {Quantities.Seconds(took)}", Quantities.Rate(now.Read, took)));
            }
            if (now.LayerDoneAt is { } layerAt && earlier?.LayerDoneAt is null)
            {
                TimeSpan took = layerAt - now.StartedAt!.Value;
                lines.Add(WithRate($"tko: {label}layer {ProgressBars.Short(now.LayerDigest)} done: {Quantities.Bytes(now.LayerSize)} from {Quantities.Bytes(now.Compressed)} of tar in {Quantities.Seconds(took)}", Quantities.Rate(now.Compressed, took)));
            }
        }
        return lines.ToImmutable();
    }

    /// <summary>One line per platform still building: how far each stage has come.</summary>
    public static ImmutableArray<string> Status(BuildProgress progress, string outputVerb, bool labelPlatforms) =>
    [
        .. progress.Platforms
            .Where(p => p.StartedAt is not null && p.LayerDoneAt is null)
            .Select(p => $"tko: {Label(p, labelPlatforms)}read {Quantities.Percent(p.ContentBytes == 0 ? 1 : (double)p.Read / p.ContentBytes, p.ReadDoneAt is not null).Trim()} " +
                         $"({Quantities.Bytes(p.Read)} of {Quantities.Bytes(p.ContentBytes)}), compressed {Quantities.Bytes(p.Compressed)}, {Past(outputVerb)} {Quantities.Bytes(p.Written)}"),
    ];

    private static string WithRate(string line, string rate) => rate.Length == 0 ? line : $"{line} ({rate})";

    private static string Label(PlatformProgress p, bool labelPlatforms) => labelPlatforms ? p.Platform + ": " : "";

    private static string Past(string verb) => verb == "write" ? "written" : verb + "ed";
}
