using System.Collections.Immutable;
using Tko.Cli.Progress;
using Xunit;

namespace Tko.Integration.Progress;

/// <summary>What the terminal bars and the log lines say for example states of a build.</summary>
public sealed class ProgressFormatting
{
    private static readonly string Digest = "sha256:0123456789abcdef" + new string('0', 48);

    // Planned 10 entries and 50 MB at t=1 s; at t=3 s half read, 20 MB of tar compressed, 8 MB of gzip out.
    private static readonly PlatformProgress HalfWay = new("linux/amd64")
    {
        StartedAt = TimeSpan.FromSeconds(1),
        Entries = 10,
        ContentBytes = 50_000_000,
        Files = 4,
        Read = 25_000_000,
        Compressed = 20_000_000,
        Written = 8_000_000,
    };

    private static readonly PlatformProgress Done = HalfWay with
    {
        Files = 10,
        Read = 50_000_000,
        Compressed = 50_006_144,
        Written = 20_000_000,
        ReadDoneAt = TimeSpan.FromSeconds(3.5),
        LayerDoneAt = TimeSpan.FromSeconds(5),
        LayerDigest = Digest,
        LayerSize = 20_000_000,
    };

    [Fact]
    public void Bars_show_each_stage_with_percentage_amounts_and_rate()
    {
        ImmutableArray<string> lines = ProgressBars.Render(new BuildProgress([HalfWay]), TimeSpan.FromSeconds(3), "upload", labelPlatforms: false, width: 200);

        Assert.Equal(
        [
            "read       [############------------]   50%  25.0 MB of 50.0 MB  12.5 MB/s  4/10 files",
            "compress   [#########---------------]   39%  20.0 MB of tar  10.0 MB/s",
            "upload     8.0 MB of gzip  4.0 MB/s",
        ], lines.ToArray());
    }

    [Fact]
    public void Finished_bars_are_full_and_name_the_layer()
    {
        ImmutableArray<string> lines = ProgressBars.Render(new BuildProgress([Done]), TimeSpan.FromSeconds(9), "write", labelPlatforms: false, width: 200);

        Assert.Equal(
        [
            "read       [########################]  100%  50.0 MB of 50.0 MB  20.0 MB/s  10/10 files",
            "compress   [########################]  100%  50.0 MB of tar  12.5 MB/s",
            "write      done:  layer sha256:0123456789ab  20.0 MB  in 4.00 s",
        ], lines.ToArray());
    }

    [Fact]
    public void Several_platforms_are_named_on_their_first_line_and_lines_fit_the_width()
    {
        var progress = new BuildProgress([HalfWay, Done with { Platform = "linux/arm64/v8" }]);

        ImmutableArray<string> lines = ProgressBars.Render(progress, TimeSpan.FromSeconds(3), "upload", labelPlatforms: true, width: 40);

        Assert.Equal(6, lines.Length);
        // The label column is the longest platform and a space.
        Assert.StartsWith("linux/amd64    read ", lines[0]);
        Assert.StartsWith(new string(' ', 15) + "compress ", lines[1]);
        Assert.StartsWith("linux/arm64/v8 read ", lines[3]);
        Assert.All(lines, line => Assert.True(line.Length < 40, $"'{line}' does not fit 40 columns"));
    }

    [Fact]
    public void A_platform_without_a_plan_yet_draws_nothing()
    {
        Assert.Empty(ProgressBars.Render(new BuildProgress([new PlatformProgress("linux/amd64")]), TimeSpan.FromSeconds(1), "write", false, 80));
    }

    [Fact]
    public void Log_lines_mark_the_end_of_reading_and_of_the_layer_once_each()
    {
        PlatformProgress readDone = HalfWay with { Files = 10, Read = 50_000_000, ReadDoneAt = TimeSpan.FromSeconds(3.5) };
        var before = new BuildProgress([HalfWay]);
        var middle = new BuildProgress([readDone]);
        var after = new BuildProgress([Done]);

        Assert.Equal(["tko: read 10 entries, 50.0 MB in 2.50 s (20.0 MB/s)"], ProgressLines.Milestones(before, middle, labelPlatforms: false).ToArray());
        Assert.Equal(["tko: linux/amd64: layer sha256:0123456789ab done: 20.0 MB from 50.0 MB of tar in 4.00 s (12.5 MB/s)"],
            ProgressLines.Milestones(middle, after, labelPlatforms: true).ToArray());
        Assert.Empty(ProgressLines.Milestones(after, after, labelPlatforms: false));
    }

    [Fact]
    public void Status_lines_cover_only_platforms_still_building()
    {
        var progress = new BuildProgress([HalfWay, Done with { Platform = "linux/arm64" }]);

        Assert.Equal(["tko: linux/amd64: read 50% (25.0 MB of 50.0 MB), compressed 20.0 MB, uploaded 8.0 MB"],
            ProgressLines.Status(progress, "upload", labelPlatforms: true).ToArray());
        Assert.Equal(["tko: read 50% (25.0 MB of 50.0 MB), compressed 20.0 MB, written 8.0 MB"],
            ProgressLines.Status(new BuildProgress([HalfWay]), "write", labelPlatforms: false).ToArray());
    }

    [Fact]
    public void Only_large_layers_are_worth_log_lines()
    {
        Assert.True(ProgressLines.WorthReporting(new BuildProgress([HalfWay])));
        Assert.False(ProgressLines.WorthReporting(new BuildProgress([HalfWay with { ContentBytes = ProgressLines.ReportedFrom - 1 }])));
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(1_000, "1.0 kB")]
    [InlineData(27_149_999, "27.1 MB")]
    [InlineData(3_500_000_000, "3.5 GB")]
    public void Sizes_use_decimal_units(long bytes, string expected) => Assert.Equal(expected, Quantities.Bytes(bytes));

    [Fact]
    public void No_rate_before_a_tenth_of_a_second()
    {
        Assert.Equal("", Quantities.Rate(1_000_000, TimeSpan.FromMilliseconds(50)));
        Assert.Equal("2.0 MB/s", Quantities.Rate(1_000_000, TimeSpan.FromMilliseconds(500)));
    }
}
