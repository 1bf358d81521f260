using System.Diagnostics;
using System.Globalization;

namespace Tko.Bench;

/// <summary>Counts the bytes of a layer and drops them.</summary>
internal sealed class CountingSink : ILayerSink
{
    public long Bytes { get; private set; }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Bytes += bytes.Length;
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// <c>Tko.Bench sizes [--levels 1-6] [--repeat 3] [--workers N] [--chunk-size BYTES]</c>: builds the payload's layer at
/// each level into a counting sink and prints one tab-separated line per level: level, layer
/// bytes, median seconds, MB/s of tar input, fastest and slowest seconds. Not a BenchmarkDotNet run: one warmup, then
/// <c>repeat</c> timed runs per level.
/// </summary>
internal static class Sizes
{
    public static async Task<int> RunAsync(string[] args)
    {
        int from = 1, to = 6, repeat = 3, workers = Environment.ProcessorCount, chunkSize = LayerOptions.DefaultChunkSize;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--levels" when i + 1 < args.Length:
                    string[] range = args[++i].Split('-');
                    from = int.Parse(range[0], CultureInfo.InvariantCulture);
                    to = int.Parse(range[^1], CultureInfo.InvariantCulture);
                    break;
                case "--repeat" when i + 1 < args.Length:
                    repeat = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--workers" when i + 1 < args.Length:
                    workers = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--chunk-size" when i + 1 < args.Length:
                    chunkSize = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: Tko.Bench sizes [--levels 1-6] [--repeat 3] [--workers N] [--chunk-size BYTES]");
                    return 2;
            }
        }

        var entries = Payload.Entries;
        Console.WriteLine($"# payload\t{Payload.Path}");
        Console.WriteLine($"# tar_bytes\t{Payload.TarBytes}");
        Console.WriteLine($"# workers\t{workers}");
        Console.WriteLine($"# chunk_size\t{chunkSize}");
        Console.WriteLine("level\tbytes\tseconds\tMB/s\tmin_s\tmax_s");

        // Warm the JIT and the page cache.
        await LayerPipeline.RunAsync(entries, LayerOptions.Default with { Workers = workers, CompressionLevel = from, ChunkSize = chunkSize }, new CountingSink(), ProgressReporter.None);

        for (int level = from; level <= to; level++)
        {
            var seconds = new List<double>();
            long bytes = 0;
            for (int r = 0; r < repeat; r++)
            {
                var sink = new CountingSink();
                var watch = Stopwatch.StartNew();
                LayerResult result = await LayerPipeline.RunAsync(entries, LayerOptions.Default with { Workers = workers, CompressionLevel = level, ChunkSize = chunkSize }, sink, ProgressReporter.None);
                watch.Stop();
                if (sink.Bytes != result.Size)
                    throw new InvalidOperationException($"sink counted {sink.Bytes} bytes, the pipeline reported {result.Size}");
                bytes = sink.Bytes;
                seconds.Add(watch.Elapsed.TotalSeconds);
            }
            seconds.Sort();
            double median = seconds[seconds.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{level}\t{bytes}\t{median:F3}\t{Payload.TarBytes / median / 1e6:F1}\t{seconds[0]:F3}\t{seconds[^1]:F3}"));
        }
        return 0;
    }
}
