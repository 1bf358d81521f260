namespace Tko.Testing;

/// <summary>A layer built from a directory with the library's own stages, kept in memory.</summary>
public sealed record InMemoryLayer(LayerResult Result, byte[] Gzip)
{
    /// <summary>The layer's bytes, whatever its compression (<see cref="Gzip"/> is named for the default).</summary>
    public byte[] Blob => Gzip;

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
