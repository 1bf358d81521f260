using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace Tko.Bench;

/// <summary>
/// The whole layer engine (tar → chunks → N deflate workers → in-order gzip, SHA-256 of the tar
/// and of the gzip) into <see cref="NullLayerSink"/>, side by side with the shell pipeline the
/// issue compares against. The payload is planned once in setup and is in the page cache after
/// the warmups, so this measures CPU, not the disk.
/// </summary>
[Config(typeof(BenchConfig))]
public class LayerThroughput
{
    private string _shellCommand = "";

    public static IEnumerable<object[]> Configurations()
    {
        // Levels 1, 2 and 6 as in the issue, plus the default level if it is another one.
        foreach (int workers in new[] { 1, Environment.ProcessorCount }.Distinct())
            foreach (int level in new[] { 1, 2, LayerOptions.DefaultCompressionLevel, 6 }.Distinct().Order())
                yield return [workers, level];
    }

    [GlobalSetup]
    public void Setup()
    {
        _ = Payload.Entries;
        _shellCommand = ShellPipeline.Command(Payload.Path, level: 1);
    }

    [Benchmark]
    [ArgumentsSource(nameof(Configurations))]
    [Processes(Volume.PayloadTar)]
    public Task<LayerResult> Tko(int workers, int level) =>
        LayerPipeline.RunAsync(Payload.Entries, LayerOptions.Default with { Workers = workers, CompressionLevel = level }, NullLayerSink.Instance, ProgressReporter.None);

    /// <summary>
    /// tar | tee >(sha256sum) | pigz -p$(nproc) -1 | sha256sum: the same work (tar, diffID,
    /// parallel gzip, digest) done by GNU tools, in a process started per operation.
    /// </summary>
    [Benchmark]
    [Processes(Volume.PayloadTar)]
    public int ShellPipelineBaseline() => ShellPipeline.Run(_shellCommand);
}

/// <summary>The shell pipeline of the issue, run with bash.</summary>
internal static class ShellPipeline
{
    public static string Command(string payload, int level) =>
        $"set -o pipefail; tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C {Quote(payload)} -cf - . " +
        $"| tee >(sha256sum >/dev/null) | pigz -p$(nproc) -{level} | sha256sum";

    /// <summary>The same pipeline over the files listed in a file (paths relative to the payload, in order).</summary>
    public static string ListCommand(string payload, string listFile, int level) =>
        $"set -o pipefail; tar --no-recursion --owner=0 --group=0 --numeric-owner --mtime=@0 -C {Quote(payload)} -T {Quote(listFile)} -cf - " +
        $"| tee >(sha256sum >/dev/null) | pigz -p$(nproc) -{level} | sha256sum";

    public static int Run(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"shell pipeline exited with {process.ExitCode}");
        return output.Length;
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}
