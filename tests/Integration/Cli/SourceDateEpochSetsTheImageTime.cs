using System.Formats.Tar;
using System.Globalization;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>SOURCE_DATE_EPOCH is the image's time: the config's created, every entry's mtime, and so the digest.</summary>
public sealed class SourceDateEpochSetsTheImageTime
{
    private const long Epoch = 1_700_000_000;

    [Fact]
    public async Task Same_epoch_gives_the_same_digest_and_another_epoch_a_different_one()
    {
        using var workspace = new CliWorkspace();
        async Task<Digest> BuildAt(string? epoch, string name) => CliOutcome.Succeeded(await workspace.BuildAsync(
            new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = epoch }, workspace.OciLayoutTo(workspace.Output(name)))).Digest;

        Digest first = await BuildAt(Epoch.ToString(CultureInfo.InvariantCulture), "first");
        Digest second = await BuildAt(Epoch.ToString(CultureInfo.InvariantCulture), "second");
        Digest unset = await BuildAt(null, "unset");

        Assert.Equal(first, second);
        Assert.NotEqual(first, unset);
    }

    [Fact]
    public async Task Epoch_is_the_config_created_time_and_every_entry_mtime()
    {
        using var workspace = new CliWorkspace();
        string output = workspace.Output("img");
        CliOutcome.Succeeded(await workspace.BuildAsync(
            new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = Epoch.ToString(CultureInfo.InvariantCulture) }, workspace.OciLayoutTo(output)));

        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(output));
        DateTimeOffset expected = DateTimeOffset.FromUnixTimeSeconds(Epoch);
        Assert.Equal(expected, DateTimeOffset.Parse(image.Config.Created!, CultureInfo.InvariantCulture));
        Assert.Equal(expected, DateTimeOffset.Parse(Assert.Single(image.Config.History!).Created!, CultureInfo.InvariantCulture));

        using var reader = new TarReader(new MemoryStream(Assert.Single(image.LayerTars)));
        int entries = 0;
        while (reader.GetNextEntry() is { } entry)
        {
            Assert.True(entry.ModificationTime == expected, $"{entry.Name} has mtime {entry.ModificationTime}");
            entries++;
        }
        Assert.True(entries > 10, $"only {entries} entries read");
    }
}
