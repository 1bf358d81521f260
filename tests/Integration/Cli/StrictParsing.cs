using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// The parser refuses what it does not know by name, lets <c>--</c> end the options, answers
/// <c>tko</c> alone with the usage, takes the Go tko's <c>--platform</c>, and tells a .NET runtime
/// identifier from a platform.
/// </summary>
public sealed class StrictParsing
{
    [Theory]
    [InlineData("--nosuch")]
    [InlineData("-Z")]
    public async Task Unknown_option_is_named_and_nothing_is_written(string option)
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync([option, .. workspace.OciLayoutTo(workspace.Output("img"))]);

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, $"unknown option {option}");
        Assert.Contains("tko build --help", line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task Unknown_option_in_place_of_source_is_named_not_taken_as_source()
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync("--nosuch", "--base-ref", "scratch", "--target-type", "OCI_LAYOUT", "--output", workspace.Output("img"));

        CliOutcome.Failed(result, CliOutcome.UsageError, "unknown option --nosuch");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task Double_dash_ends_the_options_so_a_source_may_start_with_a_dash()
    {
        using var workspace = new CliWorkspace();
        string dashed = Path.Combine(workspace.Root, "-artifacts");
        Directory.Move(workspace.Source, dashed);

        ProcessResult result = await workspace.BuildAsync("--base-ref", "scratch", "--target-type", "OCI_LAYOUT", "--output", workspace.Output("img"), "--", "-artifacts");

        (string name, _) = CliOutcome.Succeeded(result);
        Assert.Equal("tko.local/artifacts", name);
    }

    [Fact]
    public async Task Tko_alone_prints_the_usage_once_and_exits_two()
    {
        using var workspace = new CliWorkspace(withSampleTree: false);

        ProcessResult result = await TkoCli.RunAsync(workspace.Root, []);

        Assert.Equal(CliOutcome.UsageError, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        Assert.Equal(1, CountOf("Usage:", result.StandardError));
        Assert.Contains("build <SOURCE>", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("tko tko", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_points_at_tko_help_not_tko_tko()
    {
        using var workspace = new CliWorkspace(withSampleTree: false);

        ProcessResult result = await TkoCli.RunAsync(workspace.Root, ["nosuch"]);

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, "'nosuch'");
        Assert.Contains("(see tko --help)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Platform_is_an_alias_of_platforms()
    {
        using var workspace = new CliWorkspace();
        string viaAlias = workspace.Output("alias"), viaName = workspace.Output("name");

        var alias = CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(viaAlias), "--platform", "linux/arm64"]));
        var name = CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(viaName), "--platforms", "linux/arm64"]));

        Assert.Equal(name.Digest, alias.Digest);
        Assert.Equal("arm64", ImageValidation.ValidateLayout(viaAlias).Single().Config.Architecture);
    }

    [Theory]
    [InlineData("linux-x64", "linux/amd64")]
    [InlineData("linux-arm64", "linux/arm64")]
    [InlineData("linux-musl-x64", "linux/amd64")]
    [InlineData("linux-arm", "linux/arm/v7")]
    public async Task Runtime_identifier_is_refused_with_the_platform_it_means(string rid, string platform)
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), "-p", rid]);

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, $"'{rid}' is a .NET runtime identifier");
        Assert.EndsWith($"write {platform}", line.TrimEnd(), StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task Escaped_comma_stays_inside_a_value()
    {
        using var workspace = new CliWorkspace();
        string output = workspace.Output("img");

        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(output), "-e", @"LIST=a\,b,NEXT=c", "-e", @"PATHLIKE=C:\dir"]));

        ImageConfig config = ImageValidation.ValidateLayout(output).Single().Config;
        Assert.Equal(["LIST=a,b", "NEXT=c", @"PATHLIKE=C:\dir"], config.Config!.Env!);
    }

    private static int CountOf(string text, string within) =>
        (within.Length - within.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;
}
