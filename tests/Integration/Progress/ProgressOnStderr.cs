using Tko.Cli.Progress;
using Tko.Integration.Cli;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Progress;

/// <summary>
/// Progress when stderr is a file or pipe, as in CI: plain <c>tko:</c> lines for a large layer,
/// never a carriage return or an escape sequence; nothing extra for a small one; nothing with --quiet.
/// </summary>
public sealed class ProgressOnStderr
{
    // A sparse file of zeros: above the size from which progress is logged, yet quick to read and compress.
    private const long LargeFile = ProgressLines.ReportedFrom + (8L << 20);

    [Fact]
    public async Task Large_layer_logs_the_end_of_reading_and_of_the_layer_as_plain_lines()
    {
        using var workspace = new CliWorkspace();
        using (var file = new FileStream(Path.Combine(workspace.Source, "zeros.bin"), FileMode.CreateNew))
            file.SetLength(LargeFile);

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Succeeded(result);
        Assert.DoesNotContain('\r', result.StandardError);
        Assert.DoesNotContain('\u001b', result.StandardError);
        string[] lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("tko: ", line));
        Assert.Single(lines, line => line.StartsWith("tko: read ", StringComparison.Ordinal) && line.Contains(" entries, "));
        Assert.Single(lines, line => line.StartsWith("tko: layer sha256:", StringComparison.Ordinal) && line.Contains(" done: "));
        Assert.StartsWith("tko: wrote ", lines[^1]);
    }

    [Fact]
    public async Task Small_layer_prints_only_the_summary()
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Succeeded(result);
        Assert.StartsWith("tko: wrote ", Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Quiet_prints_nothing_on_stderr_even_for_a_large_layer()
    {
        using var workspace = new CliWorkspace();
        using (var file = new FileStream(Path.Combine(workspace.Source, "zeros.bin"), FileMode.CreateNew))
            file.SetLength(LargeFile);

        ProcessResult result = await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), "--quiet"]);

        CliOutcome.Succeeded(result);
        Assert.Equal("", result.StandardError);
    }
}
