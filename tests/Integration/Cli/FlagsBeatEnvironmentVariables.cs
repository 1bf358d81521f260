using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>TKO_JOBS and TKO_COMPRESSION_LEVEL are read when no flag is given, and a flag wins over them.</summary>
public sealed class FlagsBeatEnvironmentVariables
{
    [Fact]
    public async Task TKO_COMPRESSION_LEVEL_0_stores_the_same_tar_uncompressed()
    {
        using var workspace = new CliWorkspace();
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("default"))));
        CliOutcome.Succeeded(await workspace.BuildAsync(
            new Dictionary<string, string?> { ["TKO_COMPRESSION_LEVEL"] = "0" }, workspace.OciLayoutTo(workspace.Output("stored"))));

        ValidatedImage compressed = Assert.Single(ImageValidation.ValidateLayout(workspace.Output("default")));
        ValidatedImage stored = Assert.Single(ImageValidation.ValidateLayout(workspace.Output("stored")));
        Assert.Equal(compressed.Config.RootFs.DiffIds, stored.Config.RootFs.DiffIds);
        long storedSize = Assert.Single(stored.Manifest.Layers).Size, tarSize = Assert.Single(stored.LayerTars).Length;
        Assert.True(storedSize > tarSize, $"level 0 made a {storedSize}-byte layer from a {tarSize}-byte tar");
        Assert.True(storedSize > Assert.Single(compressed.Manifest.Layers).Size);
    }

    [Fact]
    public async Task Compression_level_flag_beats_TKO_COMPRESSION_LEVEL()
    {
        using var workspace = new CliWorkspace();
        var level0 = new Dictionary<string, string?> { ["TKO_COMPRESSION_LEVEL"] = "0" };

        Digest envOnly = CliOutcome.Succeeded(await workspace.BuildAsync(level0, workspace.OciLayoutTo(workspace.Output("env")))).Digest;
        Digest both = CliOutcome.Succeeded(await workspace.BuildAsync(level0, [.. workspace.OciLayoutTo(workspace.Output("both")), "--compression-level", "9"])).Digest;
        Digest flagOnly = CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("flag")), "--compression-level", "9"])).Digest;

        Assert.Equal(flagOnly, both);
        Assert.NotEqual(envOnly, both);
    }

    [Theory]
    [InlineData("TKO_JOBS", "0")]
    [InlineData("TKO_COMPRESSION_LEVEL", "10")]
    [InlineData("TKO_COMPRESSION_LEVEL", "x")]
    [InlineData("TKO_CHUNK_SIZE", "1")]
    public async Task A_bad_environment_value_is_refused_naming_the_variable(string variable, string value)
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { [variable] = value }, workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Failed(result, CliOutcome.UsageError, $"tko: {variable}: ");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Theory]
    [InlineData("TKO_JOBS", "0", "--jobs", "1")]
    [InlineData("TKO_COMPRESSION_LEVEL", "x", "--compression-level", "1")]
    public async Task A_flag_overrides_a_bad_environment_value(string variable, string value, string option, string flagValue)
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { [variable] = value },
            [.. workspace.OciLayoutTo(workspace.Output("img")), option, flagValue]);

        CliOutcome.Succeeded(result);
        ImageValidation.ValidateLayout(workspace.Output("img"));
    }
}
