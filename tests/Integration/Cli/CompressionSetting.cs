using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// <c>--compression</c>, <c>TKO_COMPRESSION</c> and <c>compression:</c> in <c>.tko.yml</c> choose the
/// same zstd layer; an unknown name, a level zstd has no such level for, and a target that takes
/// only gzip are one-line usage errors naming where the value came from.
/// </summary>
public sealed class CompressionSetting
{
    [Fact]
    public async Task Flag_variable_and_file_give_the_same_zstd_image()
    {
        using var workspace = new CliWorkspace();
        Digest flag = CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("flag")), "--compression", "zstd"])).Digest;
        Digest variable = CliOutcome.Succeeded(await workspace.BuildAsync(
            new Dictionary<string, string?> { ["TKO_COMPRESSION"] = "zstd" }, workspace.OciLayoutTo(workspace.Output("variable")))).Digest;
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), "build:\n  compression: zstd\n");
        Digest file = CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("file")))).Digest;
        Digest gzip = CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("gzip")), "--compression", "gzip"])).Digest;

        Assert.Equal(flag, variable);
        Assert.Equal(flag, file);
        Assert.Equal(MediaTypes.OciLayerZstd, Assert.Single(Assert.Single(ImageValidation.ValidateLayout(workspace.Output("file"))).Manifest.Layers).MediaType);
        Assert.NotEqual(flag, gzip);
    }

    [Fact]
    public async Task Zstd_levels_change_the_layer_and_levels_zstd_lacks_are_refused()
    {
        using var workspace = new CliWorkspace();
        string[] Zstd(string output, string level) => [.. workspace.OciLayoutTo(workspace.Output(output)), "--compression", "zstd", "--compression-level", level];

        Digest fastest = CliOutcome.Succeeded(await workspace.BuildAsync(Zstd("1", "1"))).Digest;
        Digest smallest = CliOutcome.Succeeded(await workspace.BuildAsync(Zstd("19", "19"))).Digest;
        Assert.NotEqual(fastest, smallest);

        CliOutcome.Failed(await workspace.BuildAsync(Zstd("0", "0")), CliOutcome.UsageError, "tko: --compression-level: 0 is not a zstd level");
        CliOutcome.Failed(await workspace.BuildAsync(Zstd("20", "20")), CliOutcome.UsageError, "tko: --compression-level: 20 is not a zstd level");
    }

    [Fact]
    public async Task An_unknown_compression_is_a_usage_error_naming_the_variable()
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["TKO_COMPRESSION"] = "brotli" }, workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Failed(result, CliOutcome.UsageError, "tko: TKO_COMPRESSION: 'brotli' is not gzip or zstd");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Theory]
    [InlineData("LOCAL_FILE")]
    [InlineData("LOCAL_DAEMON")]
    public async Task Targets_that_take_only_gzip_refuse_zstd_naming_the_flag(string targetType)
    {
        using var workspace = new CliWorkspace();
        // A daemon that is not there: the refusal comes before anything is sent.
        var environment = new Dictionary<string, string?> { ["DOCKER_HOST"] = $"unix://{workspace.Output("no.sock")}" };

        string[] output = targetType == "LOCAL_FILE" ? ["--output", workspace.Output("img.tar")] : [];

        ProcessResult result = await workspace.BuildAsync(environment,
            [workspace.Source, "--base-ref", "scratch", "--target-type", targetType, .. output, "--compression", "zstd"]);

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, "tko: --compression: ");
        Assert.Contains(targetType, line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }
}
