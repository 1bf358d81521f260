using Tko.Cli.Progress;
using Xunit;

namespace Tko.Integration.Progress;

/// <summary>Build events fold into per-platform progress: totals, counts, and when reading and the layer finished.</summary>
public sealed class ProgressFolding
{
    private const string Amd64 = "linux/amd64";
    private const string Arm64 = "linux/arm64";

    [Fact]
    public void Counts_add_up_and_reading_ends_with_the_last_entry()
    {
        BuildProgress progress = BuildProgress.Of(
        [
            (new BuildEvent(BuildEventKind.EntriesPlanned, 2, Amd64), Seconds(1)),
            (new BuildEvent(BuildEventKind.BytesPlanned, 300, Amd64), Seconds(1)),
            (new BuildEvent(BuildEventKind.BytesRead, 100, Amd64), Seconds(2)),
            (new BuildEvent(BuildEventKind.FileSeen, 1, Amd64, "tko-app/"), Seconds(2)),
            (new BuildEvent(BuildEventKind.BytesRead, 200, Amd64), Seconds(3)),
            (new BuildEvent(BuildEventKind.BytesCompressed, 1024, Amd64), Seconds(3)),
            (new BuildEvent(BuildEventKind.FileSeen, 1, Amd64, "tko-app/app"), Seconds(4)),
            (new BuildEvent(BuildEventKind.BytesWritten, 90, Amd64), Seconds(5)),
        ]);

        PlatformProgress p = Assert.Single(progress.Platforms);
        Assert.Equal((2, 300, 2, 300, 1024, 90), (p.Entries, p.ContentBytes, p.Files, p.Read, p.Compressed, p.Written));
        Assert.Equal(Seconds(1), p.StartedAt);
        Assert.Equal(Seconds(4), p.ReadDoneAt);
        Assert.Null(p.LayerDoneAt);
    }

    [Fact]
    public void Platforms_keep_their_own_counts_in_order_of_arrival()
    {
        BuildProgress progress = BuildProgress.Of(
        [
            (new BuildEvent(BuildEventKind.EntriesPlanned, 1, Arm64), Seconds(0)),
            (new BuildEvent(BuildEventKind.EntriesPlanned, 1, Amd64), Seconds(0)),
            (new BuildEvent(BuildEventKind.BytesRead, 7, Amd64), Seconds(1)),
            (new BuildEvent(BuildEventKind.LayerCompleted, 55, Arm64, "sha256:" + new string('a', 64)), Seconds(2)),
        ]);

        Assert.Equal([Arm64, Amd64], progress.Platforms.Select(p => p.Platform));
        Assert.Equal((0, 7), (progress.Platforms[0].Read, progress.Platforms[1].Read));
        Assert.Equal((55L, Seconds(2)), (progress.Platforms[0].LayerSize, progress.Platforms[0].LayerDoneAt!.Value));
        Assert.Null(progress.Platforms[1].LayerDoneAt);
    }

    private static TimeSpan Seconds(double s) => TimeSpan.FromSeconds(s);
}
