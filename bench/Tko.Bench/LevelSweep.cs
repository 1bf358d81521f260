using System.Buffers;
using BenchmarkDotNet.Attributes;
using Tko.Compression;
using Tko.Dataflow;

namespace Tko.Bench;

/// <summary>
/// Throughput against workers and compression level, for the chart (<c>Tko.Bench chart</c>): the
/// whole layer pipeline into <see cref="NullLayerSink"/>, and the gzip stage alone (the sample's
/// tar held in memory as 1 MiB chunks, deflated by N threads, no I/O and no hashing), at levels
/// 1, 3, 6 and 9 with one worker and with one per core; and the shell pipeline with pigz -1 on the
/// same files. The payload is a sample of about 24 MiB (<see cref="Payload.SampleEntries"/>), so
/// that level 9 with one worker stays around a second an operation.
/// </summary>
[Config(typeof(BenchConfig))]
public class LevelSweep
{
    private readonly List<TarChunk> _chunks = [];
    private string _listFile = "";
    private string _shellCommand = "";

    public static IEnumerable<object[]> Configurations()
    {
        // Level outside, workers inside: on a shared machine the load drifts, and the cases whose
        // ratio is the Scaling column should run close together in time.
        foreach (int level in new[] { 1, 3, 6, 9 })
            foreach (int workers in new[] { 1, Environment.ProcessorCount }.Distinct())
                yield return [workers, level];
    }

    [GlobalSetup]
    public async Task Setup()
    {
        await TarStage.RunAsync(Payload.SampleEntries, LayerOptions.Default, chunk =>
        {
            _chunks.Add(chunk); // kept for the whole run; never returned to the pool
            return ValueTask.CompletedTask;
        }, ProgressReporter.None, CancellationToken.None);

        // The same files for GNU tar, in the same order, relative to the payload.
        _listFile = Path.GetTempFileName();
        string prefix = Payload.DestPath.TrimStart('/') + "/";
        File.WriteAllLines(_listFile, Payload.SampleEntries
            .Select(e => e.Name.Length > prefix.Length ? e.Name[prefix.Length..].TrimEnd('/') : "."));
        _shellCommand = ShellPipeline.ListCommand(Payload.Path, _listFile, level: 1);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_listFile);

    [Benchmark]
    [ArgumentsSource(nameof(Configurations))]
    [Processes(Volume.SampleTar)]
    public Task<LayerResult> Pipeline(int workers, int level) =>
        LayerPipeline.RunAsync(Payload.SampleEntries, LayerOptions.Default with { Workers = workers, CompressionLevel = level }, NullLayerSink.Instance, ProgressReporter.None);

    [Benchmark]
    [ArgumentsSource(nameof(Configurations))]
    [Processes(Volume.SampleTar)]
    public long GzipStage(int workers, int level)
    {
        long total = 0;
        Parallel.For(0, _chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
        {
            CompressedChunk compressed = ChunkCompressor.Compress(_chunks[i], level, LayerOptions.DefaultChunkSize);
            Interlocked.Add(ref total, compressed.Length);
            ArrayPool<byte>.Shared.Return(compressed.Buffer);
        });
        return total;
    }

    /// <summary>tar | tee >(sha256sum) | pigz -p$(nproc) -1 | sha256sum over the sample's files.</summary>
    [Benchmark]
    [Processes(Volume.SampleTar)]
    public int ShellPipelineBaseline() => ShellPipeline.Run(_shellCommand);
}
