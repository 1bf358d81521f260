using System.Diagnostics;
using System.Text;
using Xunit;

namespace Tko.Testing.Daemon;

/// <summary>
/// Podman's Docker-compatible API service as a child process, on a Unix socket in a directory of its
/// own, with storage of its own (the vfs driver: no fuse-overlayfs, no kernel overlay needed) and its
/// own run and temporary directories, so it shares nothing with other podman or buildah users of the
/// machine. As an xunit class fixture it is started once for a test class and removed after it.
/// </summary>
public sealed class PodmanApiService : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    // Podman refuses a runroot longer than 50 characters, too short for TempDirectory's names.
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"tko-podman-{Random.Shared.Next():x8}");
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <summary>The socket's path.</summary>
    public string SocketPath => Path.Combine(_root, "podman.sock");

    /// <summary>The service's address as <c>DOCKER_HOST</c> spells it.</summary>
    public string DockerHost => $"unix://{SocketPath}";

    /// <summary>What podman printed so far, for failure messages.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>A client of this service's API.</summary>
    public DockerApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string podman = RequiredTool.Find("podman", "podman");
        Directory.CreateDirectory(_root);
        var start = new ProcessStartInfo(podman)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--storage-driver", "vfs",
            "--root", Path.Combine(_root, "storage"),
            "--runroot", Path.Combine(_root, "run"),
            "--tmpdir", Path.Combine(_root, "tmp"),
            "--cgroup-manager", "cgroupfs",
            "--events-backend", "file",
            "system", "service", "--time=0", DockerHost,
        })
            start.ArgumentList.Add(argument);
        // Where podman spools an uploaded archive before it reads it (it defaults to /var/tmp).
        start.Environment["TMPDIR"] = Path.Combine(_root, "tmp");
        Directory.CreateDirectory(Path.Combine(_root, "tmp"));

        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {podman}");
        _process.StandardInput.Close();
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Api = new DockerApi(SocketPath);
        var clock = Stopwatch.StartNew();
        while (!await Api.PingsAsync())
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // drains what it printed
                throw new InvalidOperationException($"podman system service exited with {_process.ExitCode}: {Log}");
            }
            if (clock.Elapsed > StartTimeout)
                throw new TimeoutException($"podman system service did not answer GET /_ping on {SocketPath} within {StartTimeout.TotalSeconds} s: {Log}");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }
}
