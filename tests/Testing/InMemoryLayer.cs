namespace Tko.Testing;

/// <summary>A layer built from a directory with the library's own stages, kept in memory.</summary>
public sealed record InMemoryLayer(LayerResult Result, byte[] Gzip)
{
    public const string DestPath = "/tko-app";

    public static async Task<InMemoryLayer> BuildAsync(string sourceDirectory, LayerOptions options, string destPath = DestPath)
    {
        SourceSnapshot snapshot = SourceScanner.Scan(sourceDirectory);
        var entries = LayerPlanner.Plan(snapshot, destPath, 0, 0, FileModes.Kept);
        var sink = new MemoryLayerSink();
        LayerResult result = await LayerPipeline.RunAsync(entries, options, sink, ProgressReporter.None);
        return new InMemoryLayer(result, sink.Bytes);
    }
}
