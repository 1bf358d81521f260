using System.Net.Sockets;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>A source or output that cannot be used exits 1 with one <c>tko:</c> line naming the path, prints nothing on stdout and writes nothing.</summary>
public sealed class BuildFailuresExitWithOne
{
    [Fact]
    public async Task Missing_source_is_named()
    {
        using var workspace = new CliWorkspace();
        string missing = Path.Combine(workspace.Root, "no-such-dir");

        ProcessResult result = await workspace.BuildAsync([missing, "--base-ref", "scratch", "--target-type", "OCI_LAYOUT", "--output", workspace.Output("img")]);

        CliOutcome.Failed(result, CliOutcome.BuildFailed, missing);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task Source_that_is_a_file_is_named()
    {
        using var workspace = new CliWorkspace();
        string file = Path.Combine(workspace.Source, "app");

        ProcessResult result = await workspace.BuildAsync([file, "--base-ref", "scratch", "--target-type", "LOCAL_FILE", "--output", workspace.Output("img.tar")]);

        CliOutcome.Failed(result, CliOutcome.BuildFailed, file);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task Fifo_in_the_source_is_named()
    {
        using var workspace = new CliWorkspace();
        string fifo = Path.Combine(workspace.Source, "lib", "pipe");
        SpecialFiles.CreateFifo(fifo);

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Failed(result, CliOutcome.BuildFailed, fifo);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task Socket_in_the_source_is_named()
    {
        using var workspace = new CliWorkspace();
        string path = Path.Combine(workspace.Source, "lib", "control.sock");
        using Socket socket = SpecialFiles.CreateSocket(path);

        ProcessResult result = await workspace.BuildAsync(workspace.TarballTo(workspace.Output("img.tar")));

        CliOutcome.Failed(result, CliOutcome.BuildFailed, path);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Theory]
    [InlineData("OCI_LAYOUT")]
    [InlineData("LOCAL_FILE")]
    public async Task Output_in_a_missing_directory_is_named(string targetType)
    {
        using var workspace = new CliWorkspace();
        string output = Path.Combine(workspace.Outputs, "missing", "img");

        ProcessResult result = await workspace.BuildAsync(workspace.Source, "--base-ref", "scratch", "--target-type", targetType, "--output", output);

        CliOutcome.Failed(result, CliOutcome.BuildFailed, output);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }
}
