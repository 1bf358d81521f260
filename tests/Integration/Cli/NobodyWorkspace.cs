using Tko.Testing;

namespace Tko.Integration.Cli;

/// <summary>
/// A workspace that user nobody can use: a world-writable root, a readable src/, a writable out/
/// and a writable home for the dotnet host.
/// </summary>
public sealed class NobodyWorkspace : IDisposable
{
    private const UnixFileMode WorldWritable = (UnixFileMode)0b111_111_111;
    private const UnixFileMode WorldReadableDirectory = (UnixFileMode)0b111_101_101;
    private const UnixFileMode WorldReadableFile = (UnixFileMode)0b110_100_100;

    private readonly TempDirectory _root = new("cli-nobody");

    public NobodyWorkspace()
    {
        File.SetUnixFileMode(_root.Path, WorldWritable);
        Directory.CreateDirectory(Source);
        File.SetUnixFileMode(Source, WorldReadableDirectory);
        foreach (string directory in new[] { Outputs, Home })
        {
            Directory.CreateDirectory(directory);
            File.SetUnixFileMode(directory, WorldWritable);
        }
    }

    public string Source => _root.Combine("src");
    public string Outputs => _root.Combine("out");
    public string Home => _root.Combine("home");

    /// <summary>Writes a source file with <paramref name="mode"/> (world-readable unless told otherwise).</summary>
    public string WriteSource(string name, string content, UnixFileMode mode = WorldReadableFile)
    {
        string path = Path.Combine(Source, name);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    /// <summary>Builds <see cref="Source"/> as nobody into an OCI layout at out/<paramref name="outputName"/>.</summary>
    public Task<ProcessResult> BuildAsNobodyAsync(string outputName) => TkoCli.BuildAsNobodyAsync(_root.Path, Home,
        [Source, "--base-ref", "scratch", "--target-type", "OCI_LAYOUT", "--output", Path.Combine(Outputs, outputName)]);

    public void Dispose() => _root.Dispose();
}
