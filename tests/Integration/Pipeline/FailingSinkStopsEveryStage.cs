using System.Collections.Immutable;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Pipeline;

/// <summary>A sink's failure is the run's failure, unwrapped, and every stage stops soon after instead of reading the whole source.</summary>
public sealed class FailingSinkStopsEveryStage
{
    private const long SourceSize = 64L << 20;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public async Task Sink_exception_propagates_and_the_rest_of_the_source_is_not_read(int workers)
    {
        using var source = new TempDirectory("sink-fails");
        PipelineHarness.WriteZeroFile(source.Combine("zeros.bin"), SourceSize);
        ImmutableArray<LayerEntry> entries = PipelineHarness.Plan(source.Path);
        var broken = new IOException("the disk is on fire");
        var sink = new ScriptedSink(write => { if (write == 3) throw broken; });
        var recorder = new EventRecorder();

        var failure = await Assert.ThrowsAsync<IOException>(() => PipelineHarness.WithinLimit(LayerPipeline.RunAsync(
            entries, PipelineHarness.SmallChunks(workers), sink, new ProgressReporter(recorder, "linux/amd64"))));

        Assert.Same(broken, failure);
        Assert.Equal(3, sink.Writes);
        long read = recorder.Sum(BuildEventKind.BytesRead);
        Assert.True(read < SourceSize / 4, $"{read} of {SourceSize} bytes were read after the sink failed");
        Assert.Empty(recorder.Of(BuildEventKind.LayerCompleted));
        int eventsAtReturn = recorder.Count;
        await Task.Delay(200);
        Assert.Equal(eventsAtReturn, recorder.Count); // every stage had ended when the run returned
    }
}
