using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// The library refuses a property (<c>RegistryClientOptions.UploadChunkSize</c>, <c>BuildSpec.DestPath</c>, …);
/// the CLI names the flag, the environment variable or the <c>.tko.yml</c> line that gave the value, exit 2.
/// </summary>
public sealed class LibraryRefusalsNameWhereTheValueCameFrom
{
    [Theory]
    [InlineData("--upload-chunk-size", "1000")]
    [InlineData("--chunk-size", "1")]
    [InlineData("--registry-timeout", "0")]
    [InlineData("--dest-path", "relative/app")]
    public async Task A_flag_is_named(string flag, string value)
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), flag, value]);

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, $"tko: {flag}: ");
        Assert.Contains(value, line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Theory]
    [InlineData("TKO_UPLOAD_CHUNK_SIZE", "1000")]
    [InlineData("TKO_DEST_PATH", "relative/app")]
    [InlineData("TKO_CHUNK_SIZE", "1")]
    [InlineData("TKO_REGISTRY_TIMEOUT", "-5")]
    public async Task A_variable_is_named(string variable, string value)
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { [variable] = value }, workspace.OciLayoutTo(workspace.Output("img")));

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, $"tko: {variable}: ");
        Assert.Contains(value, line, StringComparison.Ordinal);
        Assert.DoesNotContain("--", line.Split(':')[1], StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task Several_platforms_for_a_tarball_from_the_variable_name_the_variable()
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["TKO_PLATFORMS"] = "linux/amd64,linux/arm64" },
            workspace.TarballTo(workspace.Output("img.tar")));

        CliOutcome.Failed(result, CliOutcome.UsageError, "tko: TKO_PLATFORMS: ");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Theory]
    [InlineData("build:\n  upload-chunk-size: 1000\n", ".tko.yml:2: build.upload-chunk-size: ", "1000")]
    [InlineData("build:\n  author: a\n  chunk-size: 1\n", ".tko.yml:3: build.chunk-size: ", "out of range")]
    [InlineData("build:\n  destination-path: relative/app\n", ".tko.yml:2: build.destination-path: ", "relative/app")]
    [InlineData("build:\n  registry-timeout: 0\n", ".tko.yml:2: build.registry-timeout: ", "0 s")]
    [InlineData("build:\n  dest-path: /a/../b\n", ".tko.yml:2: build.dest-path: ", "/a/../b")]
    public async Task A_file_line_is_named(string yaml, string naming, string value)
    {
        using var workspace = new CliWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), yaml);

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img")));

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, naming);
        Assert.Contains(value, line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }
}
