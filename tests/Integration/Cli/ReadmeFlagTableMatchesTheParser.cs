using System.CommandLine;
using System.Text.RegularExpressions;
using Tko.Cli;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// README's table of build options is checked against the parser itself: every option with all its
/// names, its environment variables and its default, and no row for an option that does not exist.
/// </summary>
public sealed partial class ReadmeFlagTableMatchesTheParser
{
    private sealed record Row(IReadOnlyList<string> Names, IReadOnlyList<string> Variables, string Default);

    [GeneratedRegex(@"\[env: (?<vars>[^\]]+)\]")]
    private static partial Regex EnvNote();

    [GeneratedRegex(@"\[default: (?<value>[^\]]+)\]")]
    private static partial Regex DefaultNote();

    [Fact]
    public void Every_option_has_a_row_with_its_names_variables_and_default()
    {
        Dictionary<string, Row> rows = ReadRows().Where(r => r.Names.Count > 0).ToDictionary(r => r.Names.First(n => n.StartsWith("--", StringComparison.Ordinal) || n == "SOURCE"));
        var cli = new BuildCommandLine();

        foreach (Option option in cli.Command.Options.Where(o => o.Name is not ("--help")))
        {
            Assert.True(rows.TryGetValue(option.Name, out Row? row), $"README has no row for {option.Name}");
            Assert.Equal(option.Aliases.Append(option.Name).Order(StringComparer.Ordinal), row!.Names.Order(StringComparer.Ordinal));
            Assert.Equal(Variables(option.Description), row.Variables);
            if (DefaultNote().Match(option.Description ?? "") is { Success: true } note)
                Assert.Equal(note.Groups["value"].Value, row.Default);
            else
                Assert.Equal(option.ValueType == typeof(bool) ? "off" : "(none)", row.Default);
        }
        Row source = rows["SOURCE"];
        Assert.Equal(Variables(cli.Source.Description), source.Variables);

        string[] known = [.. cli.Command.Options.Select(o => o.Name), "SOURCE"];
        Assert.All(rows.Keys, name => Assert.Contains(name, known));
    }

    private static IReadOnlyList<string> Variables(string? description) =>
        EnvNote().Match(description ?? "") is { Success: true } m
            ? [.. m.Groups["vars"].Value.Split(',', StringSplitOptions.TrimEntries)]
            : [];

    /// <summary>Rows of the table under "### `tko build [options] SOURCE`": flag | env | default | meaning.</summary>
    private static IEnumerable<Row> ReadRows()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        int header = Array.FindIndex(lines, l => l.StartsWith("| flag | env | default |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README has no option table");
        foreach (string line in lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')))
        {
            string[] cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            IReadOnlyList<string> names = [.. Regex.Matches(cells[0], "`([^`]+)`").SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries))];
            IReadOnlyList<string> variables = [.. Regex.Matches(cells[1], "`([^`]+)`").Select(m => m.Groups[1].Value)];
            yield return new Row(names, variables, cells[2].Replace("`", ""));
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Tko.sln"))) return directory.FullName;
        throw new InvalidOperationException("no Tko.sln above the test's directory");
    }
}
