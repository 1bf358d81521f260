using Tko.Integration.Pipeline;
using Tko.Testing;
using Xunit;
using static Tko.Integration.MultiPlatform.PlatformTrees;

namespace Tko.Integration.MultiPlatform;

/// <summary>
/// The index's bytes depend on the inputs only: two runs, and runs with one or several workers
/// (whose platforms finish in different orders), give the same digest; progress names each platform.
/// </summary>
public sealed class SamePlatformsGiveTheSameIndex
{
    private static async Task<(BuildResult Result, EventRecorder Events)> BuildAsync(string source, string output, int workers)
    {
        BuildSpec spec = BuildSpec.FromDirectory(source, 0)
            .WithPlatforms([Amd64, Arm64])
            .WithTarget(Target.OciLayout(output))
            .WithLayer(Tko.LayerOptions.Default.WithWorkers(workers).WithChunkSize(64 * 1024));
        var events = new EventRecorder();
        using BuildSession session = Build.Create(spec);
        using IDisposable subscription = session.Events.Subscribe(events);
        return (await session.RunAsync(), events);
    }

    [Fact]
    public async Task Index_digest_is_the_same_across_runs_and_worker_counts_and_events_name_each_platform()
    {
        using var work = new TempDirectory("multi-same");
        string source = work.Combine("src");
        // The first platform's tree is the larger, so with several workers the second platform finishes first.
        Write(source, Amd64, extraBytes: 1 << 20);
        Write(source, Arm64, extraBytes: 200_000);

        var (one, oneEvents) = await BuildAsync(source, work.Combine("one"), workers: 1);
        var (again, _) = await BuildAsync(source, work.Combine("again"), workers: 1);
        var (three, _) = await BuildAsync(source, work.Combine("three"), workers: 3);

        Assert.True(one.IsIndex);
        Assert.Equal(one.Manifest, again.Manifest);
        Assert.Equal(one.Manifest, three.Manifest);
        Assert.Equal(one.Images, three.Images);
        Assert.Equal(File.ReadAllBytes(Path.Combine(work.Combine("one"), "index.json")), File.ReadAllBytes(Path.Combine(work.Combine("three"), "index.json")));
        Assert.Equal(2, ImageValidation.ValidateLayout(work.Combine("three")).Count);

        foreach (PlatformImage image in one.Images)
        {
            BuildEvent completed = Assert.Single(oneEvents.Of(BuildEventKind.LayerCompleted), e => e.Platform == image.Platform.ToString());
            Assert.Equal(image.Layer.Digest.ToString(), completed.Detail);
            Assert.Equal(image.Layer.Size, oneEvents.Of(BuildEventKind.BytesWritten).Where(e => e.Platform == image.Platform.ToString()).Sum(e => e.Amount));
        }
        BuildEvent written = Assert.Single(oneEvents.Of(BuildEventKind.ImageWritten));
        Assert.Equal("linux/amd64,linux/arm64", written.Platform);
        Assert.Equal(one.Reference, written.Detail);
    }
}
