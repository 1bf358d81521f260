using Tko.Properties.Trees;
using Tko.Testing;

namespace Tko.Properties;

/// <summary>The same tree gives the same bytes, whatever the worker count, creation order or timestamps.</summary>
public sealed class LayerReproducibilityProperties
{
    // Small chunks so even small trees span several chunks and the workers really interleave.
    private static readonly LayerOptions SmallChunks = LayerOptions.Default.WithChunkSize(64 * 1024);

    [TreeProperty]
    public bool Layer_digests_do_not_depend_on_the_number_of_workers(TreeSpec tree)
    {
        using var source = new TempDirectory("prop-src");
        TreeMaterializer.Write(tree, source.Path, seed: 1);

        InMemoryLayer[] layers = [.. new[] { 1, 2, 3, 8 }.Select(workers =>
            InMemoryLayer.BuildAsync(source.Path, SmallChunks.WithWorkers(workers)).GetAwaiter().GetResult())];

        return layers.All(l => l.Result == layers[0].Result && l.Gzip.AsSpan().SequenceEqual(layers[0].Gzip));
    }

    [TreeProperty]
    public bool Zstd_layer_digests_do_not_depend_on_the_number_of_workers(TreeSpec tree, byte level)
    {
        using var source = new TempDirectory("prop-src");
        TreeMaterializer.Write(tree, source.Path, seed: 7);
        LayerOptions zstd = SmallChunks.WithCompression(LayerCompression.Zstd).WithCompressionLevel(1 + level % 5);

        InMemoryLayer[] layers = [.. new[] { 1, 2, 8 }.Select(workers =>
            InMemoryLayer.BuildAsync(source.Path, zstd.WithWorkers(workers)).GetAwaiter().GetResult())];

        return layers.All(l => l.Result == layers[0].Result && l.Blob.AsSpan().SequenceEqual(layers[0].Blob));
    }

    [TreeProperty]
    public bool Config_and_manifest_digests_do_not_depend_on_the_number_of_workers(TreeSpec tree)
    {
        using var source = new TempDirectory("prop-src");
        using var output = new TempDirectory("prop-out");
        TreeMaterializer.Write(tree, source.Path, seed: 2);

        BuildResult[] results = [.. new[] { 1, 2, 3, 8 }.Select(workers =>
        {
            BuildSpec spec = BuildSpec.FromDirectory(source.Path)
                .WithTarget(Target.OciLayout(output.Combine($"w{workers}")))
                .WithLayer(SmallChunks.WithWorkers(workers));
            BuildResult result = Build.RunAsync(spec).GetAwaiter().GetResult();
            ImageValidation.ValidateLayout(result.OutputPath);
            return result;
        })];

        return results.All(r => r.Manifest == results[0].Manifest && r.Config == results[0].Config && r.Reference == results[0].Reference);
    }

    [TreeProperty]
    public bool Creation_order_and_timestamps_do_not_change_any_digest(TreeSpec tree)
    {
        using var first = new TempDirectory("prop-a");
        using var second = new TempDirectory("prop-b");
        using var output = new TempDirectory("prop-out");
        TreeMaterializer.Write(tree, first.Path, seed: 3);
        TreeMaterializer.Write(tree, second.Path, seed: 4);

        BuildResult Run(string source, string name) => Build.RunAsync(BuildSpec.FromDirectory(source)
            .WithRepository("tko.local/same")
            .WithTarget(Target.OciLayout(output.Combine(name)))
            .WithLayer(SmallChunks)).GetAwaiter().GetResult();

        BuildResult a = Run(first.Path, "a"), b = Run(second.Path, "b");
        return a.Layer == b.Layer && a.Config == b.Config && a.Manifest == b.Manifest && a.Reference == b.Reference;
    }
}
