using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// Ctrl+C (SIGINT) cancels the build, which then cleans up and says so in one line, instead of
/// killing the process where it stands (System.CommandLine 2.0.0 does not handle it by default).
/// </summary>
public sealed class InterruptCancelsTheBuild
{
    private const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public async Task Sigint_while_waiting_for_a_daemon_ends_in_one_cancelled_line()
    {
        using var workspace = new CliWorkspace();
        // A "daemon" that accepts the connection and never answers: the build waits on it until interrupted.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        int port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var start = new ProcessStartInfo(TkoCli.Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspace.Root,
            Environment = { ["DOCKER_HOST"] = $"tcp://127.0.0.1:{port}", ["DOTNET_NOLOGO"] = "1" },
        };
        foreach (string argument in new[] { TkoCli.Dll, "build", workspace.Source, "--base-ref", "scratch", "--target-type", "LOCAL_DAEMON" })
            start.ArgumentList.Add(argument);

        using Process tko = Process.Start(start)!;
        Task<string> stdout = tko.StandardOutput.ReadToEndAsync();
        Task<string> stderr = tko.StandardError.ReadToEndAsync();
        using TcpClient connection = await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, Kill(tko.Id, SigInt));
        await tko.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(tko.ExitCode == CliOutcome.BuildFailed, $"exit {tko.ExitCode}: {await stderr}");
        Assert.Equal("", await stdout);
        Assert.Equal("tko: cancelled\n", await stderr);
    }
}
