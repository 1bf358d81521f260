using System.Collections.Immutable;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Pipeline;

/// <summary>
/// A file deleted, grown or shrunk between planning and building fails the build with a
/// <see cref="SourceException"/> naming it: never a hang, an <see cref="AggregateException"/> or a corrupt layer.
/// </summary>
public sealed class SourceChangesDuringTheBuildFail
{
    private const string Early = "0-early.txt", Late = "z-late.txt";

    [Theory]
    [InlineData(Early)]
    [InlineData(Late)]
    public async Task Deleted_file_is_named(string victim)
    {
        using var source = SourceWithBigFile(victim, out ImmutableArray<LayerEntry> entries);
        string path = source.Combine(victim);
        File.Delete(path);

        var failure = await Assert.ThrowsAsync<SourceException>(() => Run(entries));

        Assert.Equal(path, failure.Path);
        Assert.Contains("disappeared", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Early)]
    [InlineData(Late)]
    public async Task Grown_file_is_named(string victim)
    {
        using var source = SourceWithBigFile(victim, out ImmutableArray<LayerEntry> entries);
        string path = source.Combine(victim);
        File.AppendAllText(path, " and then some");

        var failure = await Assert.ThrowsAsync<SourceException>(() => Run(entries));

        Assert.Equal(path, failure.Path);
        Assert.Contains("grew", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Early)]
    [InlineData(Late)]
    public async Task Shrunk_file_is_named(string victim)
    {
        using var source = SourceWithBigFile(victim, out ImmutableArray<LayerEntry> entries);
        string path = source.Combine(victim);
        using (var file = new FileStream(path, FileMode.Open)) file.SetLength(3);

        var failure = await Assert.ThrowsAsync<SourceException>(() => Run(entries));

        Assert.Equal(path, failure.Path);
        Assert.Contains("shrank", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A victim file and 4 MiB of other content, planned before the test changes the victim.</summary>
    private static TempDirectory SourceWithBigFile(string victim, out ImmutableArray<LayerEntry> entries)
    {
        var source = new TempDirectory("changes");
        PipelineHarness.WriteRandomFile(source.Combine("m-big.bin"), 4 << 20);
        File.WriteAllText(source.Combine(victim), "the victim's planned content");
        entries = PipelineHarness.Plan(source.Path);
        return source;
    }

    /// <summary>One busy worker: a late victim is met while chunks before it are still queued for compression.</summary>
    private static Task<LayerResult> Run(ImmutableArray<LayerEntry> entries) => PipelineHarness.WithinLimit(LayerPipeline.RunAsync(
        entries, PipelineHarness.BusyWorkers(1), new MemoryLayerSink(), ProgressReporter.None));
}
