using System.Text.RegularExpressions;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>The CLI's output contract: on success one reference line on stdout; on failure one <c>tko:</c> line on stderr and nothing on stdout.</summary>
public static partial class CliOutcome
{
    public const int BuildFailed = 1;
    public const int UsageError = 2;

    [GeneratedRegex(@"\A(?<name>[^@\s]+)@(?<digest>sha256:[0-9a-f]{64})\n\z")]
    private static partial Regex ReferenceLine();

    [GeneratedRegex(@"\Atko: [^\n]+\n\z")]
    private static partial Regex OneErrorLine();

    /// <summary>Asserts exit 0 and a stdout of exactly one <c>NAME@sha256:HEX</c> line; returns its parts.</summary>
    public static (string Name, Digest Digest) Succeeded(ProcessResult result)
    {
        Assert.True(result.ExitCode == 0, $"tko failed: {result}");
        Match match = ReferenceLine().Match(result.StandardOutput);
        Assert.True(match.Success, $"stdout is not exactly one NAME@sha256:<64 hex> line: [{result.StandardOutput}]");
        return (match.Groups["name"].Value, Digest.Parse(match.Groups["digest"].Value));
    }

    /// <summary>Asserts the exit code, an empty stdout and exactly one stderr line that starts with <c>tko:</c> and contains <paramref name="naming"/>.</summary>
    public static string Failed(ProcessResult result, int exitCode, string naming)
    {
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}: {result}");
        Assert.True(result.StandardOutput.Length == 0, $"stdout is not empty: [{result.StandardOutput}]");
        Assert.True(OneErrorLine().IsMatch(result.StandardError), $"stderr is not one line starting with 'tko: ': [{result.StandardError}]");
        Assert.Contains(naming, result.StandardError, StringComparison.Ordinal);
        return result.StandardError;
    }

    /// <summary>Asserts <paramref name="directory"/> holds nothing: no output and no hidden staging entry.</summary>
    public static void LeftNothingIn(string directory)
    {
        string[] entries = Directory.EnumerateFileSystemEntries(directory, "*", new EnumerationOptions { AttributesToSkip = 0 }).ToArray();
        Assert.True(entries.Length == 0, $"{directory} holds {string.Join(", ", entries.Select(Path.GetFileName))}");
    }
}
