using Tko.Properties.Trees;
using Tko.Testing;

namespace Tko.Properties;

/// <summary>The SBOM is as reproducible as the image: the same tree gives the same bytes, whatever the workers, creation order or timestamps.</summary>
public sealed class SbomReproducibilityProperties
{
    private static readonly LayerOptions SmallChunks = LayerOptions.Default.WithChunkSize(64 * 1024);

    [TreeProperty]
    public bool Two_builds_of_the_same_tree_give_byte_identical_sboms_with_any_worker_count(TreeSpec tree, byte workersA, byte workersB)
    {
        using var first = new TempDirectory("prop-sbom-a");
        using var second = new TempDirectory("prop-sbom-b");
        using var output = new TempDirectory("prop-sbom-out");
        TreeMaterializer.Write(tree, first.Path, seed: 5);
        TreeMaterializer.Write(tree, second.Path, seed: 6);

        BuildResult Run(string source, string name, byte workers) => Build.RunAsync(BuildSpec.FromDirectory(source, 1_600_000_000)
            .WithRepository("tko.local/same")
            .WithTarget(Target.OciLayout(output.Combine(name)))
            .WithLayer(SmallChunks.WithModificationTime(1_600_000_000).WithWorkers(1 + workers % 8))
            .WithSbom(SbomFormat.Spdx)).GetAwaiter().GetResult();

        BuildResult a = Run(first.Path, "a", workersA), b = Run(second.Path, "b", workersB);
        return a.Sboms.Count == 1 && b.Sboms.Count == 1 && a.Sboms[0].Content.AsSpan().SequenceEqual(b.Sboms[0].Content);
    }
}
