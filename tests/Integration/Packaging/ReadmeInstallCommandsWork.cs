using Tko.Integration.Cli;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Packaging;

/// <summary>
/// The install commands README gives work as written on a machine that has only the checkout and
/// the SDK, each run into temporary directories: the install script (as the GitHub action runs it,
/// its build directory restored from the cache) and <c>dotnet tool install --global</c>.
/// </summary>
public sealed class ReadmeInstallCommandsWork
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(ShippedArtifacts.RepositoryRoot, "README.md"));

    private static string Script => Path.Combine(ShippedArtifacts.RepositoryRoot, "scripts", "install-tko.sh");

    [Fact]
    public async Task The_install_script_puts_a_working_tko_in_the_prefix_and_on_the_actions_path()
    {
        Assert.Contains("scripts/install-tko.sh ~/.local", Readme, StringComparison.Ordinal);
        using var work = new TempDirectory("install");
        // A build directory holding tko is what actions/cache restores; the script must use it as it is.
        string build = work.Combine("build");
        Directory.CreateDirectory(build);
        File.Copy(ShippedArtifacts.NativeBinary, Path.Combine(build, "tko"));
        File.SetUnixFileMode(Path.Combine(build, "tko"), (UnixFileMode)0b111_101_101);
        string githubPath = work.Combine("github-path");

        ProcessResult installed = await ProcessRunner.RunCheckedAsync("bash", [Script, work.Combine("prefix")], work.Path,
            TkoCli.CleanEnvironment(new Dictionary<string, string?> { ["TKO_BUILD_DIR"] = build, ["GITHUB_PATH"] = githubPath, ["HOME"] = work.Path }));

        Assert.Contains("using the binary in", installed.StandardError, StringComparison.Ordinal);
        Assert.Equal(work.Combine("prefix", "bin") + "\n", File.ReadAllText(githubPath));
        ProcessResult version = await ProcessRunner.RunCheckedAsync(work.Combine("prefix", "bin", "tko"), ["version"]);
        Assert.StartsWith("0.", version.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void The_action_runs_the_install_script_and_the_readme_job_uses_the_action()
    {
        string action = File.ReadAllText(Path.Combine(ShippedArtifacts.RepositoryRoot, "action.yml"));
        Assert.Contains("using: composite", action, StringComparison.Ordinal);
        Assert.Contains("$GITHUB_ACTION_PATH/scripts/install-tko.sh", action, StringComparison.Ordinal);
        Assert.Contains("actions/cache@", action, StringComparison.Ordinal);
        Assert.Contains("github.sha", action, StringComparison.Ordinal);
        Assert.Contains("      - uses: ./ ", Readme, StringComparison.Ordinal);
        Assert.DoesNotContain("- run: dotnet tool install", Readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_global_tool_install_as_written_gives_a_working_tko()
    {
        Assert.Contains("dotnet pack src/Tko.Cli -c Release -o packages\n  dotnet tool install --global tko --add-source packages", Readme, StringComparison.Ordinal);
        using var home = new TempDirectory("global-tool");
        // scripts/package.sh ran the same dotnet pack into .artifacts/packages; copy it where README's command looks.
        string packages = home.Combine("packages");
        Directory.CreateDirectory(packages);
        foreach (string package in Directory.GetFiles(ShippedArtifacts.PackageFolder, "tko.*.nupkg"))
            File.Copy(package, Path.Combine(packages, Path.GetFileName(package)));
        var environment = TkoCli.CleanEnvironment(new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = home.Path, ["HOME"] = home.Path });

        await ProcessRunner.RunCheckedAsync(TkoCli.Dotnet, ["tool", "install", "--global", "tko", "--add-source", "packages"], home.Path, environment);

        ProcessResult version = await ProcessRunner.RunCheckedAsync(Path.Combine(home.Path, ".dotnet", "tools", "tko"), ["version"], home.Path, environment);
        Assert.StartsWith("0.", version.StandardOutput, StringComparison.Ordinal);
    }
}
