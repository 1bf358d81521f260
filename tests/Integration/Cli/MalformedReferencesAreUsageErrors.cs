using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// A malformed image reference in any option (<c>--base-ref</c>, <c>--target-repo</c>, a platform's
/// <c>base-ref</c> in <c>.tko.yml</c>) is a usage error: exit 2, one line naming where it was given, nothing contacted or written.
/// </summary>
public sealed class MalformedReferencesAreUsageErrors
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("busybox@sha256:1234")]
    [InlineData("busybox@sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("busybox@md5:" + Hex)]
    [InlineData("Busy Box:latest")]
    [InlineData("busybox:")]
    [InlineData("registry.example//app")]
    public async Task Base_ref_flag_is_named(string baseRef)
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(workspace.Source, "--base-ref", baseRef, "--target-type", "OCI_LAYOUT", "--output", workspace.Output("img"));

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, "tko: --base-ref: ");
        Assert.Contains(baseRef, line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task Base_ref_variable_is_named()
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["TKO_BASE_REF"] = "busybox@sha256:1234" },
            workspace.Source, "--target-type", "OCI_LAYOUT", "--output", workspace.Output("img"));

        CliOutcome.Failed(result, CliOutcome.UsageError, "tko: TKO_BASE_REF: ");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Theory]
    [InlineData("REMOTE", "127.0.0.1:5000/App")]
    [InlineData("REMOTE", "127.0.0.1:5000/app@sha256:1234")]
    [InlineData("LOCAL_DAEMON", "example.test/app:bad tag")]
    [InlineData("OCI_LAYOUT", "app:-v1")]
    public async Task Target_repo_is_named(string targetType, string targetRepo)
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["DOCKER_HOST"] = "tcp://127.0.0.1:9" },
            workspace.Source, "--base-ref", "scratch", "--target-type", targetType, "--target-repo", targetRepo, "--output", workspace.Output("img"));

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, "tko: --target-repo: ");
        Assert.Contains(targetRepo, line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task A_platforms_base_ref_in_the_file_names_its_line()
    {
        using var workspace = new CliWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"),
            "build:\n  platforms: linux/amd64,linux/arm64\n  platform-overrides:\n    linux/arm64:\n      base-ref: busybox@sha256:ABCD\n");

        ProcessResult result = await workspace.BuildAsync(workspace.Source, "--base-ref", "scratch", "--target-type", "OCI_LAYOUT", "--output", workspace.Output("img"));

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, ".tko.yml:5: build.platform-overrides.linux/arm64.base-ref: ");
        Assert.Contains("busybox@sha256:ABCD", line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }
}
