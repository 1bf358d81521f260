using System.Text.Json;
using Tko.Integration.Inspection;
using Tko.Testing.Registry;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// <c>tko diff</c> as a user runs it: exit 0 and one line when identical, 1 and a table (or JSON)
/// when the images differ, 2 and one <c>tko:</c> line when an image cannot be read or an option is wrong.
/// </summary>
public sealed class DiffCommand
{
    public const int Identical = 0;
    public const int Different = 1;
    public const int Trouble = 2;

    private static Task<ProcessResult> DiffAsync(string directory, params string[] arguments) => TkoCli.RunAsync(directory, ["diff", .. arguments]);

    [Fact]
    public async Task Builds_with_different_jobs_are_identical_in_one_line()
    {
        using var workspace = new CliWorkspace();
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("one")), "--jobs", "1", "--chunk-size", "65536"]));
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.TarballTo(workspace.Output("three.tar")), "--jobs", "3", "--chunk-size", "65536"]));

        ProcessResult result = await DiffAsync(workspace.Root, "oci:" + workspace.Output("one"), workspace.Output("three.tar"));

        Assert.True(result.ExitCode == Identical, result.ToString());
        Assert.Matches(@"\Aidentical: \S+ and \S+ are the same image \(sha256:[0-9a-f]{64}\)\n\z", result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public async Task Modes_that_differ_only_in_group_and_other_write_bits_get_the_umask_hint()
    {
        using var workspace = new CliWorkspace();
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("a")), "--keep-modes"]));
        string app = Path.Combine(workspace.Source, "app");
        File.SetUnixFileMode(app, File.GetUnixFileMode(app) | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("b")), "--keep-modes"]));
        File.SetUnixFileMode(app, (UnixFileMode)0b111_000_000);
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("c")), "--keep-modes"]));
        string a = "oci:" + workspace.Output("a"), b = "oci:" + workspace.Output("b"), c = "oci:" + workspace.Output("c");

        ProcessResult table = await DiffAsync(workspace.Root, a, b);
        Assert.True(table.ExitCode == Different, table.ToString());
        Assert.Matches(@"\n  mode +/tko-app/app +0755 +0777\n", table.StandardOutput);
        Assert.EndsWith("\nhint: only group/other write bits differ: built under different umasks? tko normalises modes unless --keep-modes (or BuildSpec.Modes) keeps them\n", table.StandardOutput, StringComparison.Ordinal);
        ProcessResult json = await DiffAsync(workspace.Root, "--json", a, b);
        Assert.Contains("built under different umasks?", JsonDocument.Parse(json.StandardOutput).RootElement.GetProperty("hint").GetString(), StringComparison.Ordinal);

        // 0755 against 0700 is more than write bits: no hint.
        ProcessResult other = await DiffAsync(workspace.Root, a, c);
        Assert.True(other.ExitCode == Different, other.ToString());
        Assert.DoesNotContain("hint:", other.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Differences_print_as_a_table_grouped_by_part_and_as_json()
    {
        using var workspace = new CliWorkspace();
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("a")), "--keep-modes"]));
        File.SetUnixFileMode(Path.Combine(workspace.Source, "app"), (UnixFileMode)0b111_000_000);
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("b")), "--keep-modes"]));
        LayoutConfigEdit.Apply(workspace.Output("b"), c => LayoutConfigEdit.WithVariable(c, "MODE", "debug"));
        string a = "oci:" + workspace.Output("a"), b = "oci:" + workspace.Output("b");

        ProcessResult table = await DiffAsync(workspace.Root, a, b);
        Assert.True(table.ExitCode == Different, table.ToString());
        string[] lines = table.StandardOutput.TrimEnd('\n').Split('\n');
        Assert.Equal($"A: {a} (", lines[0][..(a.Length + 5)]);
        Assert.Matches(@"^  WHAT +WHERE +A +B$", lines[2]);
        int config = Array.IndexOf(lines, "config"), layer = Array.IndexOf(lines, "layers[0]"), digests = Array.FindIndex(lines, l => l.StartsWith("digests ", StringComparison.Ordinal));
        Assert.True(config > 2 && layer > config && digests > layer, table.StandardOutput);
        Assert.Matches(@"^  only in B +config\.Env\[MODE\] +- +MODE=debug$", lines[config + 1]);
        Assert.Matches(@"^  mode +/tko-app/app +0755 +0700$", lines[layer + 1]);
        // Columns line up: every row's WHERE starts where the header's does.
        int whereColumn = lines[2].IndexOf("WHERE", StringComparison.Ordinal);
        Assert.All(lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)), l => Assert.NotEqual(' ', l[whereColumn]));
        Assert.Matches(@"^2 differences; [45] digests changed as a consequence$", lines[^1]);

        ProcessResult json = await DiffAsync(workspace.Root, "--json", a, b);
        Assert.True(json.ExitCode == Different, json.ToString());
        using JsonDocument document = JsonDocument.Parse(json.StandardOutput);
        JsonElement[] differences = [.. document.RootElement.GetProperty("differences").EnumerateArray()];
        Assert.Equal(2, differences.Length);
        Assert.Equal("Config", differences[0].GetProperty("part").GetString());
        Assert.Equal("OnlyInB", differences[0].GetProperty("kind").GetString());
        Assert.Equal("config.Env[MODE]", differences[0].GetProperty("where").GetString());
        Assert.Equal("mode", differences[1].GetProperty("field").GetString());
        Assert.Equal(0, differences[1].GetProperty("layer").GetInt32());
        string[] consequences = [.. document.RootElement.GetProperty("digestChanges").EnumerateArray()
            .Select(d => $"{d.GetProperty("where").GetString()} {d.GetProperty("field").GetString()}").Where(d => !d.EndsWith(" size", StringComparison.Ordinal))];
        Assert.Equal(["manifest digest", "config digest", "layers[0] digest", "layers[0] diffID"], consequences);
        Assert.Matches("^sha256:[0-9a-f]{64}$", document.RootElement.GetProperty("digestA").GetString());
    }

    [Fact]
    public async Task Registry_references_are_read_with_the_insecure_registry_flag()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string busybox = await BusyboxImage.PushAsync(registry, "busybox");
        using var workspace = new CliWorkspace();
        string baseLayout = workspace.Output("busybox");
        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"),
            ["--insecure-policy", "copy", "--src-tls-verify=false", $"docker://{busybox}", $"oci:{baseLayout}:latest"]);

        ProcessResult result = await DiffAsync(workspace.Root, "--insecure-registry", registry.Host, busybox, "oci:" + baseLayout);

        Assert.True(result.ExitCode == Identical, result.ToString());
        Assert.StartsWith($"identical: {busybox} and oci:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_images_and_bad_options_exit_two_in_one_line()
    {
        using var workspace = new CliWorkspace(withSampleTree: false);
        string missing = workspace.Output("missing.tar");
        CliOutcome.Failed(await DiffAsync(workspace.Root, missing, missing), Trouble, missing);
        CliOutcome.Failed(await DiffAsync(workspace.Root, "oci:" + workspace.Source, "oci:" + workspace.Source), Trouble, "not an OCI image layout");
        File.WriteAllText(workspace.Output("junk.tar"), "not a tarball at all, but long enough to hold a header? no.");
        CliOutcome.Failed(await DiffAsync(workspace.Root, workspace.Output("junk.tar"), workspace.Output("junk.tar")), Trouble, "junk.tar");
        CliOutcome.Failed(await DiffAsync(workspace.Root, "--platform", "linux", "a", "b"), Trouble, "--platform");
        CliOutcome.Failed(await DiffAsync(workspace.Root, "only-one"), Trouble, "tko diff --help");
    }
}
