using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Tko.Compression;
using Tko.Dataflow;

namespace Tko.Bench;

/// <summary>
/// <c>Tko.Bench zstd-libraries [REPEATS [LEVELS]]</c>: which zstd library tko uses, by measurement. The
/// payload's tar is cut into 1 MiB chunks in memory (as the pipeline cuts it) and compressed on one
/// thread, with no I/O and no hashing: zlib-ng at gzip level 3 (the default) as the yardstick, then
/// ZstdSharp.Port (managed) and ZstdNet (native libzstd 1.5.7 from its package) at zstd levels 1
/// to 5 (or the comma-separated LEVELS), each chunk one frame with the same parameters as <see cref="ZstdChunkEncoder"/>. Prints
/// the median time of REPEATS runs (5), MB/s of tar and the output size, one line per case; the
/// cases take turns within each repeat.
/// A plain stopwatch rather than BenchmarkDotNet: each case is a second of work, repeated.
/// </summary>
internal static class ZstdLibraries
{
    public static async Task<int> RunAsync(string[] args)
    {
        int repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        int[] levels = args.Length > 1 ? [.. args[1].Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture))] : [1, 2, 3, 4, 5];
        var chunks = new List<TarChunk>();
        await TarStage.RunAsync(Payload.Entries, LayerOptions.Default, chunk =>
        {
            chunks.Add(chunk);
            return ValueTask.CompletedTask;
        }, ProgressReporter.None, CancellationToken.None);
        long tarBytes = chunks.Sum(c => (long)c.Length);
        Console.WriteLine($"payload {Payload.Path}: {tarBytes / 1e6:F1} MB of tar in {chunks.Count} chunks of {LayerOptions.DefaultChunkSize} bytes; one thread; median of {repeats}");
        Console.WriteLine("case | ms | MB/s | output MB | vs gzip-3 size");

        var cases = new List<(string Name, Func<IChunkEncoder> Create)>
        {
            ("zlib-ng gzip 3", () => new DeflateChunkEncoder(LayerOptions.DefaultCompressionLevel, LayerOptions.DefaultChunkSize)),
        };
        foreach (int level in levels)
        {
            cases.Add(($"ZstdSharp.Port zstd {level}", () => new ZstdChunkEncoder(level, LayerOptions.DefaultChunkSize)));
            cases.Add(($"ZstdNet (libzstd) zstd {level}", () => new NativeZstdEncoder(level, LayerOptions.DefaultChunkSize)));
        }
        // Whether reusing one context per worker pays against one per chunk.
        cases.Add(("ZstdSharp.Port zstd 3, context per chunk", () => new FreshContextEncoder(3)));

        // Repeats outside, cases inside: on a shared machine the load drifts, and every case should see the same drift.
        var times = cases.Select(_ => new List<double>()).ToArray();
        var sizes = new long[cases.Count];
        for (int run = 0; run < repeats; run++)
            for (int i = 0; i < cases.Count; i++)
                sizes[i] = Measure(chunks, cases[i].Create, times[i]);
        for (int i = 0; i < cases.Count; i++)
        {
            times[i].Sort();
            double median = times[i][times[i].Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{cases[i].Name} | {median:F0} | {tarBytes / 1e3 / median:F1} | {sizes[i] / 1e6:F2} | {sizes[i] / (double)sizes[0]:F3}"));
        }
        return 0;
    }

    private static long Measure(List<TarChunk> chunks, Func<IChunkEncoder> create, List<double> times)
    {
        using IChunkEncoder encoder = create();
        var clock = Stopwatch.StartNew();
        long size = 0;
        foreach (TarChunk chunk in chunks)
        {
            CompressedChunk compressed = encoder.Compress(chunk);
            size += compressed.Length;
            ArrayPool<byte>.Shared.Return(compressed.Buffer);
        }
        times.Add(clock.Elapsed.TotalMilliseconds);
        return size;
    }

    /// <summary>ZstdNet with the same frame parameters as <see cref="ZstdChunkEncoder"/>.</summary>
    private sealed class NativeZstdEncoder(int level, int chunkSize) : IChunkEncoder
    {
        private readonly ZstdNet.Compressor _compressor = new(new ZstdNet.CompressionOptions(null,
            new Dictionary<ZstdNet.ZSTD_cParameter, int>
            {
                [ZstdNet.ZSTD_cParameter.ZSTD_c_contentSizeFlag] = 1,
                [ZstdNet.ZSTD_cParameter.ZSTD_c_checksumFlag] = 1,
                [ZstdNet.ZSTD_cParameter.ZSTD_c_dictIDFlag] = 0,
            }, level));
        private readonly int _capacity = ZstdNet.Compressor.GetCompressBound(chunkSize);

        public CompressedChunk Compress(TarChunk chunk)
        {
            byte[] output = ArrayPool<byte>.Shared.Rent(_capacity);
            int length = _compressor.Wrap(chunk.Buffer.AsSpan(0, chunk.Length), output);
            return new CompressedChunk(chunk.Index, output, length, chunk.Length);
        }

        public void Dispose() => _compressor.Dispose();
    }

    private sealed class FreshContextEncoder(int level) : IChunkEncoder
    {
        public CompressedChunk Compress(TarChunk chunk)
        {
            using var encoder = new ZstdChunkEncoder(level, LayerOptions.DefaultChunkSize);
            return encoder.Compress(chunk);
        }

        public void Dispose() { }
    }
}
