using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>A bad option or usage exits 2 with one <c>tko:</c> line naming it, prints nothing on stdout and writes nothing.</summary>
public sealed class UsageErrorsExitWithTwo
{
    [Theory]
    [InlineData("--jobs", "0")]
    [InlineData("--jobs", "many")]
    [InlineData("--compression-level", "10")]
    [InlineData("--compression-level", "-1")]
    [InlineData("--compression-level", "x")]
    [InlineData("--dest-path", "relative/app")]
    [InlineData("--dest-path", "/tko-app/../etc")]
    [InlineData("--platforms", "linux")]
    [InlineData("--platforms", "linux//amd64")]
    [InlineData("--target-type", "FLOPPY")]
    [InlineData("--annotations", "org.example.no-value")]
    [InlineData("--default-annotations", "broken")]
    [InlineData("--env", "PATH")]
    [InlineData("--auto-version-annotation", "svn")]
    [InlineData("--sbom", "swid")]
    [InlineData("--sbom", "cyclonedx")]
    [InlineData("--sbom-dir", "/nonexistent-sbom-dir")]
    public async Task Bad_option_value_is_named(string option, string value)
    {
        using var workspace = new CliWorkspace();
        string[] arguments = option == "--target-type"
            ? [workspace.Source, "--base-ref", "scratch", "--output", workspace.Output("img"), option, value]
            : [.. workspace.OciLayoutTo(workspace.Output("img")), option, value];

        ProcessResult result = await workspace.BuildAsync(arguments);

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, option);
        Assert.Contains(value, line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Theory]
    [InlineData("TKO_ANNOTATIONS", "k=v,novalue")]
    [InlineData("TKO_ENV_VARS", "=x")]
    [InlineData("TKO_PLATFORMS", "linux/amd64,windows")]
    public async Task Bad_variable_value_is_named(string variable, string value)
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { [variable] = value }, workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Failed(result, CliOutcome.UsageError, $"tko: {variable}: ");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task Annotation_without_a_value_pushes_nothing()
    {
        await using var registry = await Tko.Testing.Registry.RegistryServer.StartAsync(new Tko.Testing.Registry.RegistryOptions());
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["DOCKER_CONFIG"] = workspace.Outputs },
            workspace.Source, "--base-ref", "scratch", "--target-repo", $"{registry.Host}/app", "-a", "just-a-key");

        CliOutcome.Failed(result, CliOutcome.UsageError, "just-a-key");
        Assert.Empty(registry.Requests);
    }

    [Fact]
    public async Task Unknown_flag_is_named()
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), "--frobnicate"]);

        CliOutcome.Failed(result, CliOutcome.UsageError, "--frobnicate");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Missing_source_argument_is_named(string? sourceVariable)
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["TKO_SOURCE_PATH"] = sourceVariable },
            "--base-ref", "scratch", "--target-type", "OCI_LAYOUT", "--output", workspace.Output("img"));

        CliOutcome.Failed(result, CliOutcome.UsageError, "SOURCE");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-1")]
    [InlineData("8589934592")] // 2^33 s: one past the largest mtime a ustar header's 11 octal digits hold
    public async Task Bad_SOURCE_DATE_EPOCH_is_named(string epoch)
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = epoch }, workspace.OciLayoutTo(workspace.Output("img")));

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, "SOURCE_DATE_EPOCH");
        Assert.Contains(epoch, line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }
}
