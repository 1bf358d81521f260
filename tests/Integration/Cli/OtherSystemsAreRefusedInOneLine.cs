using Tko.Cli;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// Off Linux, tko refuses at start in one line and exit 2 (this machine is Linux, so the decision is
/// proved as a function and the Linux side through the real binary).
/// </summary>
public sealed class OtherSystemsAreRefusedInOneLine
{
    [Fact]
    public void Off_linux_the_refusal_is_one_tko_line_pointing_to_a_container_or_wsl()
    {
        string refusal = Assert.IsType<string>(SupportedSystem.Refusal(isLinux: false));

        Assert.StartsWith("tko: this build runs on Linux; ", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refusal);
        Assert.Contains("Linux container or WSL", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_linux_there_is_no_refusal_and_a_build_runs()
    {
        Assert.Null(SupportedSystem.Refusal(isLinux: OperatingSystem.IsLinux()));
        using var workspace = new CliWorkspace();

        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("layout"))));
    }
}
