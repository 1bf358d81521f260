using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary><c>--image-refs</c> writes the printed reference to a file; <c>--tmp</c> is where a registry upload spools, and must exist.</summary>
public sealed class ImageRefsAndTmp
{
    [Fact]
    public async Task Image_refs_file_holds_the_printed_reference()
    {
        using var workspace = new CliWorkspace();
        string refs = workspace.Output("refs.txt");

        ProcessResult result = await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), "--image-refs", refs]);

        CliOutcome.Succeeded(result);
        Assert.Equal(result.StandardOutput, File.ReadAllText(refs));
    }

    [Theory]
    [InlineData("--tmp")]
    [InlineData("--image-refs")]
    public async Task A_path_in_a_missing_directory_is_a_usage_error(string option)
    {
        using var workspace = new CliWorkspace();
        string missing = Path.Combine(workspace.Root, "missing", option == "--tmp" ? "tmp" : "refs.txt");
        string value = option == "--tmp" ? Path.GetDirectoryName(missing)! : missing;

        ProcessResult result = await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), option, value]);

        CliOutcome.Failed(result, CliOutcome.UsageError, option);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task TKO_TMP_receives_the_upload_spool()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using var workspace = new CliWorkspace();
        string tmp = Path.Combine(workspace.Root, "spool");
        Directory.CreateDirectory(tmp);
        var created = new List<string>();
        using var watcher = new FileSystemWatcher(tmp) { EnableRaisingEvents = true };
        watcher.Created += (_, e) => { lock (created) created.Add(e.Name ?? ""); };

        CliOutcome.Succeeded(await workspace.BuildAsync(
            new Dictionary<string, string?> { ["TKO_TMP"] = tmp, ["DOCKER_CONFIG"] = workspace.Root },
            workspace.Source, "--base-ref", "scratch", "--target-repo", $"{registry.Host}/app"));

        // inotify delivers the creation even though the spool is deleted on close; wait for the watcher's thread to report it.
        SpinWait.SpinUntil(() => { lock (created) return created.Count > 0; }, TimeSpan.FromSeconds(10));
        lock (created) Assert.Contains(created, name => name.StartsWith("tko-upload-", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
    }
}
