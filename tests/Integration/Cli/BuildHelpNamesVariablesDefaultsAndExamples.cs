using System.CommandLine;
using System.Text.Json;
using Tko.Cli;
using Tko.Integration.Packaging;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// <c>tko build --help</c> shows each option's variables and default from the settings table, then
/// examples that are real command lines (the tarball one is run), the exit codes, and the variables
/// that are no option's.
/// </summary>
public sealed class BuildHelpNamesVariablesDefaultsAndExamples
{
    private const string HelloDigest = "sha256:3198c5bbc44b36517ee2a659d9ca5a4ca5c1d4f20572278198e1c3bdebd1992c";

    private static async Task<string[]> HelpLinesAsync()
    {
        using var workspace = new CliWorkspace(withSampleTree: false);
        ProcessResult result = await TkoCli.BuildAsync(workspace.Root, ["--help"]);
        Assert.True(result.ExitCode == 0, $"tko build --help failed: {result}");
        return result.StandardOutput.Split('\n');
    }

    /// <summary>The names in an option line's first column: <c>-d, --dest-path &lt;dest-path&gt;  …</c> gives -d and --dest-path.</summary>
    private static string[] OptionNames(string line) =>
        line.StartsWith("  -", StringComparison.Ordinal)
            ? [.. line.Trim().Split("  ")[0].Split(", ").Select(name => name.Split(' ')[0])]
            : [];

    [Fact]
    public async Task Each_option_line_shows_every_variable_of_its_row_and_a_default()
    {
        string[] lines = await HelpLinesAsync();

        foreach (BuildOption row in BuildOptionTable.Options)
        {
            string? line = lines.FirstOrDefault(l => OptionNames(l).Contains(row.Flag));
            Assert.True(line is not null, $"no help line for {row.Flag}");
            foreach (string variable in row.Variables)
                Assert.Contains(variable, line, StringComparison.Ordinal);
            Assert.Contains("[default: ", line, StringComparison.Ordinal);
        }
        Assert.Contains(lines, l => l.Contains("<SOURCE>", StringComparison.Ordinal) && l.Contains("TKO_SOURCE_PATH", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("-v, --verbose", StringComparison.Ordinal) && l.Contains("registry request", StringComparison.Ordinal) && l.Contains("exception chain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task It_ends_with_the_exit_codes_and_the_variables_that_are_no_options()
    {
        string[] lines = await HelpLinesAsync();
        int exitCodes = Array.IndexOf(lines, "Exit codes:");
        int environment = Array.IndexOf(lines, "Environment:");

        Assert.True(exitCodes > 0 && environment > exitCodes, "no Exit codes: section followed by Environment:");
        Assert.StartsWith("  0  success", lines[exitCodes + 1], StringComparison.Ordinal);
        Assert.StartsWith($"  {FailureReport.BuildFailed}  the build failed", lines[exitCodes + 2], StringComparison.Ordinal);
        Assert.StartsWith($"  {FailureReport.UsageError}  usage or settings error", lines[exitCodes + 3], StringComparison.Ordinal);
        Assert.Contains(lines[environment..], l => l.TrimStart().StartsWith("SOURCE_DATE_EPOCH ", StringComparison.Ordinal) && l.Contains("[default: 0]", StringComparison.Ordinal));
        Assert.Contains(lines[environment..], l => l.TrimStart().StartsWith("DOCKER_HOST ", StringComparison.Ordinal) && l.Contains("unix:///var/run/docker.sock", StringComparison.Ordinal));
        Assert.Contains(lines[environment..], l => l.Contains(".env.local, .env", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_three_examples_parse_and_the_tarball_one_builds_examples_hello()
    {
        string[] lines = await HelpLinesAsync();
        string[][] examples = [.. lines.Where(l => l.StartsWith("    tko build ", StringComparison.Ordinal))
            .Select(l => l["    tko build ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))];

        Assert.Equal(3, examples.Length);
        // README quotes the examples and exit codes as the help prints them.
        int from = Array.IndexOf(lines, "Examples:"), to = Array.FindIndex(lines, l => l.StartsWith($"  {FailureReport.UsageError}  ", StringComparison.Ordinal));
        string quoted = string.Join('\n', lines[from..(to + 1)]);
        Assert.Contains(quoted, File.ReadAllText(Path.Combine(ShippedArtifacts.RepositoryRoot, "README.md")), StringComparison.Ordinal);
        Assert.Contains(examples, words => words.Contains("--platforms") && words.Contains("linux/amd64,linux/arm64"));
        foreach (string[] words in examples)
        {
            var cli = new BuildCommandLine();
            ParseResult parsed = new RootCommand { cli.Command }.Parse(["build", .. words]);
            Assert.True(parsed.Errors.Count == 0, $"{string.Join(' ', words)}: {string.Join("; ", parsed.Errors.Select(e => e.Message))}");
            Assert.Null(UnknownOption.In(parsed, cli.Source));
            Assert.Equal("./dist", parsed.GetValue(cli.Source));
        }

        // The tarball example, as printed, with examples/hello for ./dist, in an empty directory.
        string[] tarball = Assert.Single(examples, words => words.Contains("LOCAL_FILE"));
        using var directory = new TempDirectory("help-example");
        string hello = Path.Combine(ShippedArtifacts.RepositoryRoot, "examples", "hello");
        ProcessResult result = await TkoCli.BuildAsync(directory.Path, [.. tarball.Select(word => word == "./dist" ? hello : word)]);

        (string name, Digest digest) = CliOutcome.Succeeded(result);
        Assert.Equal("app", name);
        Assert.Equal(HelloDigest, digest.ToString());
        string written = Path.Combine(directory.Path, "app.tar");
        JsonElement archive = await ImageTools.SkopeoInspectAsync($"docker-archive:{written}");
        Assert.Single(archive.GetProperty("Layers").EnumerateArray());
    }
}
