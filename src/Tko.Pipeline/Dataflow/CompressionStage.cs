using System.Buffers;
using System.Threading.Channels;
using Tko.Compression;

namespace Tko.Dataflow;

/// <summary>
/// One compression worker: takes chunks in whatever order workers free up and completes each
/// chunk's result, which the gzip stage awaits in tar order.
/// </summary>
internal static class CompressionStage
{
    /// <summary>
    /// Starts a worker on a thread of its own: compressing a chunk blocks for milliseconds, and on
    /// the thread pool N such workers would starve the tar and gzip stages of threads. With
    /// <paramref name="slots"/>, the worker holds a slot while it compresses, so pipelines sharing
    /// them compress no more chunks at once than there are slots.
    /// </summary>
    public static Task StartWorker(ChannelReader<CompressionJob> jobs, LayerOptions options, ProgressReporter progress, SemaphoreSlim? slots, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => Run(jobs, options, progress, slots, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private static void Run(ChannelReader<CompressionJob> jobs, LayerOptions options, ProgressReporter progress, SemaphoreSlim? slots, CancellationToken cancellationToken)
    {
        using IChunkEncoder encoder = ChunkEncoders.For(options);
        while (jobs.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
        {
            if (!jobs.TryRead(out CompressionJob? job)) continue;
            try
            {
                CompressedChunk compressed = Compress(job.Chunk, encoder, slots, cancellationToken);
                ArrayPool<byte>.Shared.Return(job.Chunk.Buffer);
                progress.Report(BuildEventKind.BytesCompressed, job.Chunk.Length);
                job.Result.SetResult(compressed);
            }
            catch (Exception e)
            {
                job.Result.SetException(e);
                throw;
            }
        }
    }

    private static CompressedChunk Compress(TarChunk chunk, IChunkEncoder encoder, SemaphoreSlim? slots, CancellationToken cancellationToken)
    {
        if (slots is null) return encoder.Compress(chunk);
        slots.Wait(cancellationToken);
        try
        {
            return encoder.Compress(chunk);
        }
        finally
        {
            slots.Release();
        }
    }
}
