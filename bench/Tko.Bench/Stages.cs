using System.Buffers;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Tko.Compression;
using Tko.Dataflow;

namespace Tko.Bench;

/// <summary>
/// The pipeline's stages one at a time, to see which one bounds the whole: listing and planning,
/// the tar stage alone (the real <c>TarStage</c>: file reads, header encoding, chunking, SHA-256
/// and CRC-32 of the stream, chunks dropped as soon as they are emitted), the level-0 pipeline
/// with one worker for comparison, and the two hashes the tar stage computes, over 100 MiB in memory.
/// </summary>
[Config(typeof(MicroBenchConfig))]
public class Stages
{
    public const int BufferBytes = 100 << 20;
    private byte[] _buffer = [];
    private ImmutableArray<LayerEntry> _entries;

    [GlobalSetup]
    public void Setup()
    {
        _entries = Payload.Entries;
        _buffer = new byte[BufferBytes];
        new Random(42).NextBytes(_buffer);
    }

    [Benchmark]
    public int EnumerateAndPlan() => Payload.PlanNow().Length;

    [Benchmark]
    [Processes(Volume.PayloadTar)]
    public async Task<long> TarStageOnly()
    {
        TarSummary summary = await TarStage.RunAsync(_entries, LayerOptions.Default, chunk =>
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
            return ValueTask.CompletedTask;
        }, ProgressReporter.None, CancellationToken.None);
        return summary.Length;
    }

    [Benchmark]
    [Processes(Volume.PayloadTar)]
    public Task<LayerResult> PipelineLevel0OneWorker() =>
        LayerPipeline.RunAsync(_entries, LayerOptions.Default with { Workers = 1, CompressionLevel = 0 }, NullLayerSink.Instance, ProgressReporter.None);

    [Benchmark]
    [Processes(Volume.HashBuffer)]
    public byte[] Sha256_100MiB()
    {
        // As ChunkWriter does it: incrementally, one 1 MiB chunk at a time.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (int offset = 0; offset < _buffer.Length; offset += LayerOptions.DefaultChunkSize)
            sha.AppendData(_buffer, offset, LayerOptions.DefaultChunkSize);
        return sha.GetHashAndReset();
    }

    [Benchmark]
    [Processes(Volume.HashBuffer)]
    public uint Crc32_100MiB()
    {
        var crc = new Crc32();
        for (int offset = 0; offset < _buffer.Length; offset += LayerOptions.DefaultChunkSize)
            crc.Append(_buffer.AsSpan(offset, LayerOptions.DefaultChunkSize));
        return crc.GetCurrentHashAsUInt32();
    }
}

/// <summary>
/// Deflate alone on one thread: the payload's tar stream, held in memory as 1 MiB chunks, through
/// <c>ChunkCompressor</c> at each level. The ceiling of one pipeline worker.
/// </summary>
[Config(typeof(BenchConfig))]
public class ChunkDeflate
{
    private readonly List<TarChunk> _chunks = [];

    [Params(1, 2, 3, 6)]
    public int Level { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        await TarStage.RunAsync(Payload.Entries, LayerOptions.Default, chunk =>
        {
            _chunks.Add(chunk); // kept for the whole run; never returned to the pool
            return ValueTask.CompletedTask;
        }, ProgressReporter.None, CancellationToken.None);
    }

    [Benchmark]
    [Processes(Volume.PayloadTar)]
    public long DeflateChunksOneThread()
    {
        long total = 0;
        foreach (TarChunk chunk in _chunks)
        {
            CompressedChunk compressed = ChunkCompressor.Compress(chunk, Level, LayerOptions.DefaultChunkSize);
            total += compressed.Length;
            ArrayPool<byte>.Shared.Return(compressed.Buffer);
        }
        return total;
    }
}
