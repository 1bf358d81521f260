using System.Collections.Immutable;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Pipeline;

/// <summary>Progress events account for every entry and byte exactly once, and the layer's completion once, last.</summary>
public sealed class ProgressEventsAddUp
{
    [Fact]
    public async Task Events_add_up_to_the_entries_the_file_bytes_and_the_layer()
    {
        using var source = new TempDirectory("events");
        SampleTree.Write(source.Path);
        PipelineHarness.WriteRandomFile(source.Combine("lib", "big.bin"), 1_500_000);
        long fileBytes = Directory.EnumerateFiles(source.Path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => new FileInfo(f)).Where(f => f.LinkTarget is null).Sum(f => f.Length);
        ImmutableArray<LayerEntry> entries = PipelineHarness.Plan(source.Path);
        var recorder = new EventRecorder();
        var sink = new MemoryLayerSink();

        LayerResult layer = await PipelineHarness.WithinLimit(LayerPipeline.RunAsync(
            entries, PipelineHarness.SmallChunks(), sink, new ProgressReporter(recorder, "linux/amd64")));

        byte[] gzip = sink.Bytes;
        Assert.Equal(entries.Select(e => e.Name), recorder.Of(BuildEventKind.FileSeen).Select(e => e.Detail));
        Assert.All(recorder.Of(BuildEventKind.FileSeen), e => Assert.Equal(1, e.Amount));
        Assert.Equal(entries.Length, layer.EntryCount);
        Assert.Equal(fileBytes, recorder.Sum(BuildEventKind.BytesRead));
        Assert.Equal(ImageValidation.Gunzip(gzip).Length, recorder.Sum(BuildEventKind.BytesCompressed));
        Assert.Equal(gzip.Length, recorder.Sum(BuildEventKind.BytesWritten));
        Assert.Equal(gzip.Length, layer.Size);
        BuildEvent completed = Assert.Single(recorder.Of(BuildEventKind.LayerCompleted));
        Assert.Same(completed, recorder.Events[^1]);
        Assert.Equal((gzip.Length, Digest.OfContent(gzip).ToString()), (completed.Amount, completed.Detail));
        Assert.All(recorder.Events, e => Assert.Equal("linux/amd64", e.Platform));
        // The totals come first, once each, and match what the stages then count.
        Assert.Equal([BuildEventKind.EntriesPlanned, BuildEventKind.BytesPlanned], recorder.Events.Take(2).Select(e => e.Kind));
        Assert.Equal(entries.Length, Assert.Single(recorder.Of(BuildEventKind.EntriesPlanned)).Amount);
        Assert.Equal(fileBytes, Assert.Single(recorder.Of(BuildEventKind.BytesPlanned)).Amount);
    }
}
