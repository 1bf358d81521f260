using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Tko.Compression;
using Tko.Dataflow;

namespace Tko;

/// <summary>
/// Turns planned entries into a gzip or zstd layer: tar → chunks → N compression workers → in-order
/// join → sink, each stage a task joined to the next by a bounded channel, so memory stays at a
/// few chunks per worker however large the tree. The first failure cancels every stage.
/// </summary>
public static class LayerPipeline
{
    /// <summary>Builds the layer of <paramref name="entries"/> into <paramref name="sink"/>.</summary>
    public static Task<LayerResult> RunAsync(
        ImmutableArray<LayerEntry> entries,
        LayerOptions options,
        ILayerSink sink,
        ProgressReporter progress,
        CancellationToken cancellationToken = default) =>
        RunAsync(entries, options, sink, progress, compressionSlots: null, cancellationToken);

    /// <summary>
    /// As the public overload; with <paramref name="compressionSlots"/>, several pipelines (one per
    /// platform) share that many compressions at a time, so their total CPU use stays near one
    /// pipeline's while any of them can use every slot the others leave idle.
    /// </summary>
    internal static async Task<LayerResult> RunAsync(
        ImmutableArray<LayerEntry> entries,
        LayerOptions options,
        ILayerSink sink,
        ProgressReporter progress,
        SemaphoreSlim? compressionSlots,
        CancellationToken cancellationToken)
    {
        options.Validated();
        // Totals first, so an observer can show how far each stage has come.
        progress.Report(BuildEventKind.EntriesPlanned, entries.Length);
        progress.Report(BuildEventKind.BytesPlanned, entries.Sum(e => e.Kind == LayerEntryKind.File ? e.Size : 0));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = stop.Token;

        var jobs = Channel.CreateBounded<CompressionJob>(new BoundedChannelOptions(options.Workers)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        // Chunks between the tar stage and the gzip stage: enough to keep every worker busy while
        // the gzip stage waits on the oldest one.
        var ordered = Channel.CreateBounded<Task<CompressedChunk>>(new BoundedChannelOptions(options.Workers * 2 + 1)
        {
            SingleWriter = true,
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        async ValueTask EmitAsync(TarChunk chunk)
        {
            var result = new TaskCompletionSource<CompressedChunk>(TaskCreationOptions.RunContinuationsAsynchronously);
            await ordered.Writer.WriteAsync(result.Task, token);
            await jobs.Writer.WriteAsync(new CompressionJob(chunk, result), token);
        }

        Task<TarSummary> tar = Guarded(stop, async () =>
        {
            try
            {
                TarSummary summary = await TarStage.RunAsync(entries, options, EmitAsync, progress, token);
                jobs.Writer.Complete();
                ordered.Writer.Complete();
                return summary;
            }
            catch (Exception e)
            {
                jobs.Writer.TryComplete(e);
                ordered.Writer.TryComplete(e);
                throw;
            }
        });
        Task[] workers = Enumerable.Range(0, options.Workers)
            .Select(_ => Guarded(stop, async () =>
            {
                await CompressionStage.StartWorker(jobs.Reader, options, progress, compressionSlots, token);
                return true;
            }))
            .ToArray<Task>();
        Task<(Digest Digest, long Size)> gzip = Guarded(stop, () => GzipStage.RunAsync(ordered.Reader, tar, LayerFraming.For(options.Compression), sink, progress, token));

        try
        {
            await Task.WhenAll([tar, gzip, .. workers]);
        }
        catch
        {
            cancellationToken.ThrowIfCancellationRequested();
            ExceptionDispatchInfo.Throw(RootCause([tar, gzip, .. workers]));
        }

        TarSummary summary = tar.Result;
        (Digest digest, long size) = gzip.Result;
        progress.Report(BuildEventKind.LayerCompleted, size, digest.ToString());
        return new LayerResult(summary.DiffId, digest, size, summary.Length, summary.EntryCount);
    }

    /// <summary>Runs a stage on the thread pool; its failure cancels the others.</summary>
    private static Task<T> Guarded<T>(CancellationTokenSource stop, Func<Task<T>> stage) => Task.Run(async () =>
    {
        try
        {
            return await stage();
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    });

    /// <summary>The failure that started it all: the first one that is not a cancellation it caused.</summary>
    private static Exception RootCause(IEnumerable<Task> stages)
    {
        Exception[] failures = stages
            .Where(t => t.IsFaulted)
            .SelectMany(t => t.Exception!.InnerExceptions)
            .ToArray();
        return failures.FirstOrDefault(e => e is not OperationCanceledException and not ChannelClosedException)
            ?? failures.FirstOrDefault()
            ?? new OperationCanceledException();
    }
}
