using System.Diagnostics;
using Tko.FileSystem;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// Upload spools in <c>--tmp</c> and hidden staging beside <c>--output</c> are named
/// <c>PREFIX{pid}-{start time}-{random}</c>; a later run removes those whose process is gone (a
/// run killed with kill -9) or whose pid now belongs to another process, and leaves a running
/// process's alone.
/// </summary>
public sealed class LeftoversOfKilledRunsAreRemoved
{
    /// <summary>The pid of a process that has exited.</summary>
    private static async Task<int> DeadPidAsync()
    {
        using var process = Process.Start(new ProcessStartInfo(RequiredTool.Find("true", "coreutils")))!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private static string Owned(string prefix, int pid, long start, string suffix = "") => $"{prefix}{pid}-{start}-{Guid.NewGuid():N}{suffix}";

    [Fact]
    public async Task Staging_of_a_dead_run_is_removed_and_a_live_one_kept()
    {
        using var workspace = new CliWorkspace();
        Directory.CreateDirectory(workspace.Outputs);
        int dead = await DeadPidAsync();
        OwnerProcess live = OwnerProcess.Current;
        string deadStaging = workspace.Output(Owned(".img.tko-", dead, 1));
        Directory.CreateDirectory(Path.Combine(deadStaging, "blobs"));
        File.WriteAllText(Path.Combine(deadStaging, "blobs", "half"), "half-written");
        string deadTarball = workspace.Output(Owned(".img.tko-", dead, 1, ".tar"));
        File.WriteAllText(deadTarball, "half");
        string reusedPid = workspace.Output(Owned(".img.tko-", live.Pid, live.StartTime + 1));
        Directory.CreateDirectory(reusedPid);
        string liveStaging = workspace.Output(Owned(".img.tko-", live.Pid, live.StartTime));
        Directory.CreateDirectory(liveStaging);
        string otherOutput = workspace.Output(Owned(".other.tko-", dead, 1));
        Directory.CreateDirectory(otherOutput);

        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img"))));

        Assert.False(Path.Exists(deadStaging));
        Assert.False(Path.Exists(deadTarball));
        Assert.False(Path.Exists(reusedPid));
        Assert.True(Directory.Exists(liveStaging));
        Assert.True(Directory.Exists(otherOutput), "only the staging of the output being built is swept");
        Assert.Single(ImageValidation.ValidateLayout(workspace.Output("img")));
    }

    [Fact]
    public async Task An_upload_spool_of_a_dead_run_is_removed_and_a_live_one_kept()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using var workspace = new CliWorkspace();
        string tmp = Path.Combine(workspace.Root, "spool");
        Directory.CreateDirectory(tmp);
        int dead = await DeadPidAsync();
        string deadSpool = Path.Combine(tmp, Owned("tko-upload-", dead, 1, ".blob"));
        using (FileStream file = File.Create(deadSpool)) file.SetLength(20 << 20);
        string liveSpool = Path.Combine(tmp, Owned("tko-upload-", OwnerProcess.Current.Pid, OwnerProcess.Current.StartTime, ".blob"));
        File.WriteAllText(liveSpool, "in use");
        string unrelated = Path.Combine(tmp, "tko-upload-notes.txt");
        File.WriteAllText(unrelated, "not tko's");

        CliOutcome.Succeeded(await workspace.BuildAsync(
            new Dictionary<string, string?> { ["DOCKER_CONFIG"] = workspace.Root },
            workspace.Source, "--base-ref", "scratch", "--target-repo", $"{registry.Host}/app", "--tmp", tmp));

        Assert.False(File.Exists(deadSpool));
        Assert.True(File.Exists(liveSpool));
        Assert.True(File.Exists(unrelated));
    }
}
