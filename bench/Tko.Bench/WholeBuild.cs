using BenchmarkDotNet.Attributes;
using Tko.Building;
using Tko.Model;
using Tko.Pipeline;

namespace Tko.Bench;

/// <summary>
/// A whole build through the public entry (<c>Build.RunAsync</c>): scan, plan, the layer at the
/// default options into a real blob file, config, manifest and OCI layout, written under /tmp and
/// deleted after each operation. The difference from <see cref="LayerThroughput"/> at the same
/// options is the cost of planning, writing the blob and the image metadata.
/// </summary>
[Config(typeof(BenchConfig))]
public class WholeBuild
{
    private string _root = "";
    private int _run;

    [GlobalSetup]
    public void Setup() => _root = Directory.CreateTempSubdirectory("tko-bench-").FullName;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    [Processes(Volume.PayloadTar)]
    public async Task<string> BuildToOciLayout()
    {
        string output = Path.Combine(_root, $"oci-{_run++}");
        BuildSpec spec = BuildSpec.FromDirectory(Payload.Path)
            .WithTarget(Target.OciLayout(output))
            .WithLayer(LayerOptions.Default);
        BuildResult result = await Build.RunAsync(spec);
        Directory.Delete(output, recursive: true);
        return result.Reference;
    }
}
