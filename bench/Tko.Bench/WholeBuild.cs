using BenchmarkDotNet.Attributes;
using Tko.Outputs;

namespace Tko.Bench;

/// <summary>
/// The layer written to a real file, at the default options (all workers, default level), in two steps:
/// the pipeline into the blob sink the builds use (<c>FileLayerSink</c>), then a whole build
/// through the public entry (<c>Build.RunAsync</c>: scan, plan, layer, config, manifest, OCI
/// layout). Compared with <c>LayerThroughput.Tko</c> at the same options, they show what the file
/// and the rest of a build cost. Output goes under /tmp (page cache) and is deleted between iterations.
/// </summary>
[Config(typeof(BenchConfig))]
public class WholeBuild
{
    private string _root = "";
    private int _run;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("tko-bench-").FullName;
        _ = Payload.Entries;
    }

    [IterationCleanup]
    public void IterationCleanup()
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(_root))
        {
            if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true);
            else File.Delete(entry);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    [Processes(Volume.PayloadTar)]
    public async Task<LayerResult> PipelineToFile()
    {
        var sink = new FileLayerSink(Path.Combine(_root, $"layer-{_run++}"));
        try
        {
            return await LayerPipeline.RunAsync(Payload.Entries, LayerOptions.Default, sink, ProgressReporter.None);
        }
        finally
        {
            await sink.DisposeAsync();
        }
    }

    [Benchmark]
    [Processes(Volume.PayloadTar)]
    public async Task<string> BuildToOciLayout()
    {
        BuildSpec spec = BuildSpec.FromDirectory(Payload.Path)
            .WithTarget(Target.OciLayout(Path.Combine(_root, $"oci-{_run++}")))
            .WithLayer(LayerOptions.Default);
        BuildResult result = await Build.RunAsync(spec);
        return result.Reference;
    }
}
