using Tko.Integration.Cli;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Daemon;

/// <summary>LOCAL_DAEMON with nothing listening at DOCKER_HOST: exit 1, one line naming DOCKER_HOST's value, nothing left behind.</summary>
public sealed class NoDaemonListening
{
    [Fact]
    public async Task Missing_socket_is_one_line_naming_docker_host()
    {
        using var workspace = new CliWorkspace();
        using var tmp = new TempDirectory("daemon-tmp");
        string host = $"unix://{workspace.Output("absent.sock")}";

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["DOCKER_HOST"] = host, ["TMPDIR"] = tmp.Path },
            workspace.Source, "--base-ref", "scratch", "--target-type", "LOCAL_DAEMON");

        string line = CliOutcome.Failed(result, CliOutcome.BuildFailed, $"DOCKER_HOST={host}");
        Assert.Contains("podman system service", line);
        CliOutcome.LeftNothingIn(workspace.Outputs);
        CliOutcome.LeftNothingIn(tmp.Path);
    }

    [Fact]
    public async Task Refused_tcp_port_is_one_line_naming_docker_host()
    {
        using var workspace = new CliWorkspace();
        // A port that was free a moment ago: nothing listens there.
        string host = $"tcp://127.0.0.1:{Tko.Testing.Registry.FreePort.Next()}";

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["DOCKER_HOST"] = host },
            workspace.Source, "--base-ref", "scratch", "--target-type", "LOCAL_DAEMON");

        CliOutcome.Failed(result, CliOutcome.BuildFailed, $"DOCKER_HOST={host}");
    }

    [Fact]
    public async Task Unsupported_docker_host_is_a_usage_error()
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["DOCKER_HOST"] = "ssh://me@build-box" },
            workspace.Source, "--base-ref", "scratch", "--target-type", "LOCAL_DAEMON");

        CliOutcome.Failed(result, CliOutcome.UsageError, "DOCKER_HOST: 'ssh://me@build-box'");
    }
}
