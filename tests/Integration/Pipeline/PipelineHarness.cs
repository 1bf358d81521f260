using System.Collections.Immutable;
using Xunit.Sdk;

namespace Tko.Integration.Pipeline;

/// <summary>Plans a directory the way a build does, and bounds a pipeline run so a hang fails the test instead of stalling it.</summary>
public static class PipelineHarness
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>Small chunks so a few MiB span many chunks and every stage runs concurrently.</summary>
    public static LayerOptions SmallChunks(int workers = 2) => LayerOptions.Default.WithChunkSize(64 * 1024).WithWorkers(workers);

    /// <summary>
    /// Level 9 on 1 MiB chunks: on incompressible content a worker spends tens of milliseconds per
    /// chunk, so whenever another stage fails or the run is cancelled, chunks are still queued for
    /// the workers and every stage is mid-flight.
    /// </summary>
    public static LayerOptions BusyWorkers(int workers) =>
        LayerOptions.Default.WithChunkSize(LayerOptions.DefaultChunkSize).WithWorkers(workers).WithCompressionLevel(9);

    public static ImmutableArray<LayerEntry> Plan(string directory) => LayerPlanner.Plan(SourceScanner.Scan(directory), "/tko-app", 0, 0, FileModes.Kept);

    /// <summary>Awaits <paramref name="run"/>, failing the test if it takes longer than <see cref="Limit"/>.</summary>
    public static async Task<T> WithinLimit<T>(Task<T> run)
    {
        try
        {
            return await run.WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            throw new XunitException($"the pipeline did not finish within {Limit.TotalSeconds} s: a stage hangs");
        }
    }

    /// <summary>Writes a file of <paramref name="size"/> pseudo-random bytes, which compress slowly and not at all.</summary>
    public static void WriteRandomFile(string path, int size, int seed = 7)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Writes a sparse file of <paramref name="size"/> zero bytes: cheap to make, quick to read and compress.</summary>
    public static void WriteZeroFile(string path, long size)
    {
        using var file = new FileStream(path, FileMode.CreateNew);
        file.SetLength(size);
    }
}
