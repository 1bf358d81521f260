using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// A file the build cannot read fails the build naming it. Run as nobody through setpriv, since
/// root reads any file.
/// </summary>
public sealed class UnreadableSourceFileFails
{
    [Fact]
    public async Task Unreadable_file_is_named_and_nothing_is_written()
    {
        using var workspace = new NobodyWorkspace();
        workspace.WriteSource("readable.txt", "fine");
        string secret = workspace.WriteSource("secret.txt", "root only", UnixFileMode.None);

        ProcessResult result = await workspace.BuildAsNobodyAsync("img");

        CliOutcome.Failed(result, CliOutcome.BuildFailed, secret);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task Nobody_builds_the_same_tree_once_every_file_is_readable()
    {
        // The control for the test above: the failure there is the unreadable file's, not nobody's setup.
        using var workspace = new NobodyWorkspace();
        workspace.WriteSource("readable.txt", "fine");
        workspace.WriteSource("secret.txt", "root only");

        ProcessResult result = await workspace.BuildAsNobodyAsync("img");

        CliOutcome.Succeeded(result);
        ImageValidation.ValidateLayout(Path.Combine(workspace.Outputs, "img"));
    }
}
