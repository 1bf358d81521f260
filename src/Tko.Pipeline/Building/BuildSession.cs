using System.Collections.Immutable;
using System.Reactive.Subjects;
using System.Reactive;
using Tko.Building;
using Tko.Daemon;
using Tko.Dataflow;
using Tko.Model;
using Tko.Outputs;

namespace Tko;

/// <summary>
/// One build: subscribe to <see cref="Events"/> first, then call <see cref="RunAsync"/>. Events
/// arrive from the pipelines' threads, one at a time, each labelled with its platform; the stream
/// completes when the build ends (with the error, if it failed).
/// </summary>
/// <remarks>
/// Several platforms build at once, each through its own layer pipeline. They share
/// <see cref="LayerOptions.Workers"/> compression slots, so the build uses about as much CPU as a
/// one-platform build, and a platform whose tree is larger takes the slots a smaller one leaves.
/// </remarks>
public sealed class BuildSession : IDisposable
{
    private readonly Subject<BuildEvent> _events = new();

    private readonly IObserver<string>? _log;

    internal BuildSession(BuildSpec spec, IObserver<string>? log) => (Spec, _log) = (spec, log);

    /// <summary>What is being built.</summary>
    public BuildSpec Spec { get; }

    /// <summary>Progress of every stage: files seen, bytes read, compressed and written, layers and images completed.</summary>
    public IObservable<BuildEvent> Events => _events;

    /// <summary>Runs the build and returns what it made; throws a <see cref="TkoException"/> the user can act on.</summary>
    public async Task<BuildResult> RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            BuildResult result = await BuildAsync(cancellationToken);
            _events.OnCompleted();
            return result;
        }
        catch (Exception e)
        {
            _events.OnError(e);
            throw;
        }
    }

    private async Task<BuildResult> BuildAsync(CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Everything that can be checked without a registry or the output is checked first.
        using var registry = new RegistryClient(Spec.Registry, _log);
        BuildPlan plan = Spec.PlatformsFromBase
            ? BuildPlan.Create(await AllBasePlatforms.ChooseAsync(BuildPlan.Checked(Spec), registry, cancellationToken))
            : BuildPlan.Create(Spec);
        PlatformSources.RequireAll(plan);
        BaseImage[] bases = await ResolveBasesAsync(plan, registry, cancellationToken);

        // Scan before the destination exists: an output inside the source tree must not see its own staging directory.
        ImmutableArray<LayerEntry>[] entries = [.. plan.Platforms.Select(p =>
            LayerPlanner.Plan(SourceScanner.Scan(p.SourceDirectory), p.DestPath, p.Uid, p.Gid, p.Modes))];
        ImmutableList<BuildWarning> warnings = await CheckEntrypointsAsync(plan, bases, entries, cancellationToken);
        await using IImageDestination destination = OpenDestination(registry);

        // Platforms report from their own threads; the observer must see one call at a time.
        IObserver<BuildEvent> events = Observer.Synchronize(_events);
        using SemaphoreSlim? compressionSlots = plan.IsIndex ? new SemaphoreSlim(Spec.Layer.Workers) : null;
        AssembledImage[] images = await Concurrently.RunAsync(plan.Platforms.Select<BuildSpec, Func<CancellationToken, Task<AssembledImage>>>((platform, i) => token =>
            PlatformImageBuilder.BuildAsync(platform, bases[i], entries[i], destination,
                new ProgressReporter(events, platform.Platforms[0].ToString()), compressionSlots, token)), cancellationToken);

        BuildResult result = plan.IsIndex
            ? await PublishIndexAsync(destination, images, ManifestAnnotations.ForIndex(Spec, bases), events, cancellationToken)
            : await PublishManifestAsync(destination, images[0], events, cancellationToken);
        return result with { Duration = clock.Elapsed, Warnings = warnings };
    }

    /// <summary>Each platform's entrypoint looked for in its image before anything is written; with <see cref="BuildSpec.Strict"/> the first problem fails the build.</summary>
    private async Task<ImmutableList<BuildWarning>> CheckEntrypointsAsync(
        BuildPlan plan, BaseImage[] bases, ImmutableArray<LayerEntry>[] entries, CancellationToken cancellationToken)
    {
        var warnings = ImmutableList.CreateBuilder<BuildWarning>();
        for (int i = 0; i < plan.Platforms.Count; i++)
            if (await EntrypointCheck.FindProblemAsync(plan.Platforms[i], bases[i], entries[i], plan.IsIndex, cancellationToken) is { } warning)
                warnings.Add(Spec.Strict ? throw new OptionException(warning.Option, warning.Problem) : warning);
        return warnings.ToImmutable();
    }

    /// <summary>
    /// Every platform's base, resolved before any layer is built. All are awaited, and the error
    /// reported is the first platform's in the given order (Task.WhenAll keeps that order), so the
    /// message never depends on timing.
    /// </summary>
    private static async Task<BaseImage[]> ResolveBasesAsync(BuildPlan plan, RegistryClient registry, CancellationToken cancellationToken) =>
        await Task.WhenAll(plan.Platforms.Select(p => BaseResolver.ResolveAsync(p.BaseRef, p.Platforms[0], registry, cancellationToken)));

    private static async Task<BuildResult> PublishManifestAsync(IImageDestination destination, AssembledImage image, IObserver<BuildEvent> events, CancellationToken cancellationToken)
    {
        PublishedImage published = await destination.PublishAsync(image.Manifest, image.Family.ManifestMediaType, [image], cancellationToken);
        new ProgressReporter(events, image.Platform.ToString()).Report(BuildEventKind.ImageWritten, published.Manifest.Size, published.Reference);
        var platformImage = new PlatformImage(image.Platform, published.Manifest with { Platform = image.Platform }, image.Config, image.Layer, image.Describe(destination.TransferOf));
        return Result(destination, published, [platformImage], [image]);
    }

    /// <summary>Each platform's manifest by digest, in the given order, then the index over them, which carries the tags.</summary>
    private static async Task<BuildResult> PublishIndexAsync(
        IImageDestination destination, AssembledImage[] images, ImmutableSortedDictionary<string, string>? annotations, IObserver<BuildEvent> events, CancellationToken cancellationToken)
    {
        var platformImages = ImmutableList.CreateBuilder<PlatformImage>();
        foreach (AssembledImage image in images)
        {
            Descriptor stored = await destination.StoreManifestAsync(image.Manifest, image.Family.ManifestMediaType, cancellationToken);
            platformImages.Add(new PlatformImage(image.Platform, stored with { Platform = image.Platform }, image.Config, image.Layer, []));
        }
        ImageIndex index = IndexAssembly.Create([.. platformImages.Select(p => p.Manifest)], annotations);
        PublishedImage published = await destination.PublishAsync(CanonicalJson.Serialize(index), index.MediaType, images, cancellationToken);
        new ProgressReporter(events, string.Join(',', images.Select(i => i.Platform))).Report(BuildEventKind.ImageWritten, published.Manifest.Size, published.Reference);
        // The layers are described once the index is pushed: only then has every platform's blob been accounted for.
        return Result(destination, published, [.. platformImages.Select((p, i) => p with { Layers = images[i].Describe(destination.TransferOf) })], images);
    }

    private static BuildResult Result(IImageDestination destination, PublishedImage published, ImmutableList<PlatformImage> images, IEnumerable<AssembledImage> assembled) =>
        new(published.Reference, published.Manifest, images, published.Location)
        {
            Tags = published.Tags,
            BytesUploaded = destination.BytesUploaded,
            AlsoWritten = published.AlsoWritten,
            Sboms = [.. assembled.Select(i => i.Sbom).OfType<SbomDocument>()],
        };

    private IImageDestination OpenDestination(RegistryClient registry)
    {
        IImageDestination main = OpenMainDestination(registry);
        if (Spec.AlsoOutputs.IsEmpty) return main;
        // Each extra output records the names the main one publishes: the target's repository and tags.
        BuildSpec named = Spec.Target.Reference is { } target
            ? Spec.WithRepository(target.Name).WithTags(PublishedTags.For(target, Spec.Tags))
            : Spec;
        var extras = ImmutableArray.CreateBuilder<LayoutDestination>();
        try
        {
            foreach (Target extra in Spec.AlsoOutputs)
                extras.Add(new LayoutDestination(named.WithTarget(extra)));
        }
        catch
        {
            foreach (LayoutDestination opened in extras) opened.DisposeAsync().AsTask().GetAwaiter().GetResult();
            main.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        return new FanOutDestination(main, extras.ToImmutable());
    }

    private IImageDestination OpenMainDestination(RegistryClient registry)
    {
        if (Spec.Target.Reference is not { } target)
            return new LayoutDestination(Spec);
        ImmutableList<string> tags = PublishedTags.For(target, Spec.Tags);
        if (Spec.Target.Kind == TargetKind.DockerDaemon)
            return new DaemonDestination(Spec, _log, DaemonOf(Spec.Target), target, tags);
        return new RegistryDestination(registry, target, tags);
    }

    /// <summary>
    /// The daemon of <paramref name="target"/>: its <see cref="Target.DaemonHost"/>, named as
    /// <c>DOCKER_HOST=…</c> when that is where the caller read it, else Docker's socket. Nothing is read from the environment here.
    /// </summary>
    private static DockerHost DaemonOf(Target target)
    {
        string? read = target.DockerHostVariable;
        return target.DaemonHost == read
            ? DockerHost.Resolve(null, name => name == DockerHost.Variable ? read : null)
            : DockerHost.Resolve(target.DaemonHost, _ => null);
    }

    /// <summary>Completes the event stream if the build never ran.</summary>
    public void Dispose() => _events.Dispose();
}
