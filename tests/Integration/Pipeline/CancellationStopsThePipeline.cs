using System.Collections.Immutable;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Pipeline;

/// <summary>Cancelling the caller's token ends the run with <see cref="OperationCanceledException"/>, before or during the build.</summary>
public sealed class CancellationStopsThePipeline
{
    [Fact]
    public async Task Token_cancelled_before_the_run_cancels_it()
    {
        using var source = new TempDirectory("cancel");
        File.WriteAllText(source.Combine("app"), "app");
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PipelineHarness.WithinLimit(LayerPipeline.RunAsync(
            PipelineHarness.Plan(source.Path), PipelineHarness.SmallChunks(), new MemoryLayerSink(), ProgressReporter.None, cancel.Token)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Token_cancelled_while_chunks_are_in_flight_cancels_the_run(int workers)
    {
        // The sink cancels when the first chunk reaches it: the workers are busy with the next ones
        // and the tar stage is waiting to hand over more.
        using var source = new TempDirectory("cancel");
        PipelineHarness.WriteRandomFile(source.Combine("random.bin"), 3 * (workers + 2) << 20);
        ImmutableArray<LayerEntry> entries = PipelineHarness.Plan(source.Path);
        using var cancel = new CancellationTokenSource();
        var sink = new ScriptedSink(write => { if (write == 2) cancel.Cancel(); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PipelineHarness.WithinLimit(LayerPipeline.RunAsync(
            entries, PipelineHarness.BusyWorkers(workers), sink, ProgressReporter.None, cancel.Token)));
    }
}
