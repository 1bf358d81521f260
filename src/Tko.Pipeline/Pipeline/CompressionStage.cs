using System.Buffers;
using System.Threading.Channels;
using Tko.Compression;
using Tko.Model;

namespace Tko.Pipeline;

/// <summary>
/// One compression worker: takes chunks in whatever order workers free up and completes each
/// chunk's result, which the gzip stage awaits in tar order.
/// </summary>
internal static class CompressionStage
{
    public static async Task RunWorkerAsync(ChannelReader<CompressionJob> jobs, LayerOptions options, ProgressReporter progress, CancellationToken cancellationToken)
    {
        await foreach (CompressionJob job in jobs.ReadAllAsync(cancellationToken))
        {
            try
            {
                CompressedChunk compressed = ChunkCompressor.Compress(job.Chunk, options.CompressionLevel, options.ChunkSize);
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
}
