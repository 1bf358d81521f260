using Tko.Integration.Packaging;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// examples/hello, checked out with git under umask 002, 022 or 077, is the one image README promises;
/// <c>--keep-modes</c> and <c>--chmod</c> keep or set the bits, and a bad value is one line, exit 2.
/// </summary>
public sealed class ModesDoNotDependOnTheUmask
{
    private const string HelloDigest = "sha256:3198c5bbc44b36517ee2a659d9ca5a4ca5c1d4f20572278198e1c3bdebd1992c";

    [Fact]
    public async Task Examples_hello_checked_out_under_any_umask_is_the_readme_digest()
    {
        using var checkouts = await HelloCheckouts.CreateAsync("002", "022", "077");

        foreach (string umask in checkouts.Umasks)
        {
            (_, Digest digest) = CliOutcome.Succeeded(await TkoCli.BuildAsync(checkouts.Root,
                [checkouts.Hello(umask), "--base-ref", "scratch", "--target-type", "OCI_LAYOUT", "--output", checkouts.Output(umask)]));
            Assert.True(digest.ToString() == HelloDigest, $"umask {umask} gave {digest}");
        }
        // The checkouts really differ on disk, so the equal digests are the normalisation's doing.
        Assert.Equal(["0664", "0644", "0600"], checkouts.Umasks.Select(u => TreeComparison.Octal(File.GetUnixFileMode(Path.Combine(checkouts.Hello(u), "README.txt")))));
    }

    [Fact]
    public async Task Keep_modes_from_the_flag_the_variable_or_the_file_shows_the_umask()
    {
        using var checkouts = await HelloCheckouts.CreateAsync("002");
        string hello = checkouts.Hello("002");
        string[] layout(string name) => [hello, "--base-ref", "scratch", "--target-type", "OCI_LAYOUT", "--output", checkouts.Output(name)];

        (_, Digest byFlag) = CliOutcome.Succeeded(await TkoCli.BuildAsync(checkouts.Root, [.. layout("flag"), "--keep-modes"]));
        (_, Digest byVariable) = CliOutcome.Succeeded(await TkoCli.BuildAsync(checkouts.Root, layout("variable"), new Dictionary<string, string?> { ["TKO_KEEP_MODES"] = "true" }));
        File.WriteAllText(Path.Combine(checkouts.Root, ".tko.yml"), "build:\n  keep-modes: true\n");
        (_, Digest byFile) = CliOutcome.Succeeded(await TkoCli.BuildAsync(checkouts.Root, layout("file")));

        Assert.NotEqual(HelloDigest, byFlag.ToString());
        Assert.Equal(byFlag, byVariable);
        Assert.Equal(byFlag, byFile);
        string[] listing = await ImageTools.GnuTarListAsync(HostileLayout.FirstLayerBlob(checkouts.Output("flag")));
        Assert.Contains(listing, line => line.StartsWith("-rw-rw-r-- 0/0", StringComparison.Ordinal) && line.EndsWith("tko-app/README.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chmod_sets_the_modes_of_matching_paths_in_the_layer()
    {
        using var workspace = new CliWorkspace(withSampleTree: false);
        File.WriteAllText(Path.Combine(workspace.Source, "app"), "#!/bin/sh\n");
        Directory.CreateDirectory(Path.Combine(workspace.Source, "keys"));
        File.WriteAllText(Path.Combine(workspace.Source, "keys", "server.key"), "secret");
        File.WriteAllText(Path.Combine(workspace.Source, "tool.exe"), "from a Windows build");
        string output = workspace.Output("layout");

        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(output), "--chmod", "0600=keys/*.key", "--chmod", "0755=*.exe,app"]));

        string[] listing = await ImageTools.GnuTarListAsync(HostileLayout.FirstLayerBlob(output));
        Assert.Contains(listing, line => line.StartsWith("-rw------- 0/0", StringComparison.Ordinal) && line.EndsWith("tko-app/keys/server.key", StringComparison.Ordinal));
        Assert.Contains(listing, line => line.StartsWith("-rwxr-xr-x 0/0", StringComparison.Ordinal) && line.EndsWith("tko-app/tool.exe", StringComparison.Ordinal));
        Assert.Contains(listing, line => line.StartsWith("-rwxr-xr-x 0/0", StringComparison.Ordinal) && line.EndsWith("tko-app/app", StringComparison.Ordinal));
        Assert.Contains(listing, line => line.StartsWith("drwxr-xr-x 0/0", StringComparison.Ordinal) && line.EndsWith("tko-app/keys/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--chmod", "0900=app", "--chmod")]
    [InlineData("--chmod", "0600", "--chmod")]
    public async Task A_bad_chmod_flag_is_one_line_and_writes_nothing(string flag, string value, string naming)
    {
        using var workspace = new CliWorkspace();

        CliOutcome.Failed(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("layout")), flag, value]), CliOutcome.UsageError, naming);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task A_bad_chmod_line_in_tko_yml_is_named_by_file_and_line()
    {
        using var workspace = new CliWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), "build:\n  chmod:\n    - 0600=keys/*\n    - 77=x,\n");

        CliOutcome.Failed(await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("layout"))), CliOutcome.UsageError, ".tko.yml:2: build.chmod");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task A_keep_modes_variable_that_is_not_true_or_false_is_named()
    {
        using var workspace = new CliWorkspace();

        string error = CliOutcome.Failed(await workspace.BuildAsync(new Dictionary<string, string?> { ["TKO_KEEP_MODES"] = "yes please" },
            workspace.OciLayoutTo(workspace.Output("layout"))), CliOutcome.UsageError, "TKO_KEEP_MODES");
        Assert.Contains("'yes please' is not true or false", error, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    /// <summary>A git repository of examples/hello, cloned once per umask by a shell that sets it, as a CI runner's checkout is.</summary>
    private sealed class HelloCheckouts : IDisposable
    {
        private readonly TempDirectory _root = new("umask");
        private HelloCheckouts(string[] umasks) => Umasks = umasks;

        public string[] Umasks { get; }
        public string Root => _root.Path;
        public string Hello(string umask) => _root.Combine($"clone-{umask}", "hello");
        public string Output(string name) => _root.Combine($"out-{name}");

        public static async Task<HelloCheckouts> CreateAsync(params string[] umasks)
        {
            var checkouts = new HelloCheckouts(umasks);
            string origin = checkouts._root.Combine("origin");
            string hello = Path.Combine(origin, "hello");
            Directory.CreateDirectory(hello);
            foreach (string file in Directory.GetFiles(Path.Combine(ShippedArtifacts.RepositoryRoot, "examples", "hello")))
                File.Copy(file, Path.Combine(hello, Path.GetFileName(file)));
            string git = RequiredTool.Find("git", "git");
            var environment = new Dictionary<string, string?>
            {
                ["GIT_AUTHOR_NAME"] = "t", ["GIT_AUTHOR_EMAIL"] = "t@example.com",
                ["GIT_COMMITTER_NAME"] = "t", ["GIT_COMMITTER_EMAIL"] = "t@example.com",
                ["GIT_CONFIG_GLOBAL"] = "/dev/null", ["GIT_CONFIG_NOSYSTEM"] = "1",
            };
            await ProcessRunner.RunCheckedAsync(git, ["-C", origin, "init", "-q", "-b", "main"], origin, environment);
            await ProcessRunner.RunCheckedAsync(git, ["-C", origin, "add", "-A"], origin, environment);
            await ProcessRunner.RunCheckedAsync(git, ["-C", origin, "commit", "-q", "-m", "hello"], origin, environment);
            foreach (string umask in umasks)
                await ProcessRunner.RunCheckedAsync("/bin/sh", ["-c", $"umask {umask} && exec \"$0\" clone -q \"$1\" \"$2\"", git, origin, checkouts._root.Combine($"clone-{umask}")],
                    checkouts.Root, environment);
            return checkouts;
        }

        public void Dispose() => _root.Dispose();
    }
}
