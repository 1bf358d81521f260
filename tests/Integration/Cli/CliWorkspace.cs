using Tko.Integration.Support;
using Tko.Testing;

namespace Tko.Integration.Cli;

/// <summary>A working directory for CLI runs: a source tree in src/ and an empty out/ for outputs.</summary>
public sealed class CliWorkspace : IDisposable
{
    private readonly TempDirectory _root = new("cli");

    public CliWorkspace(bool withSampleTree = true)
    {
        if (withSampleTree) SampleTree.Write(Source);
        else Directory.CreateDirectory(Source);
        Directory.CreateDirectory(Outputs);
    }

    public string Root => _root.Path;
    public string Source => _root.Combine("src");
    public string Outputs => _root.Combine("out");

    public string Output(string name) => Path.Combine(Outputs, name);

    /// <summary>Arguments that build <see cref="Source"/> from scratch into an OCI layout at <paramref name="output"/>.</summary>
    public string[] OciLayoutTo(string output) => [Source, "--base-ref", "scratch", "--target-type", "OCI_LAYOUT", "--output", output];

    /// <summary>Arguments that build <see cref="Source"/> from scratch into a docker tarball at <paramref name="output"/>.</summary>
    public string[] TarballTo(string output) => [Source, "--base-ref", "scratch", "--target-type", "LOCAL_FILE", "--output", output];

    public Task<ProcessResult> BuildAsync(params string[] arguments) => TkoCli.BuildAsync(Root, arguments);

    public Task<ProcessResult> BuildAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        TkoCli.BuildAsync(Root, arguments, environment);

    public void Dispose() => _root.Dispose();
}
