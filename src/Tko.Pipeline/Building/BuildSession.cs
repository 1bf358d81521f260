using System.Collections.Immutable;
using System.Reactive.Subjects;
using Tko.Errors;
using Tko.Json;
using Tko.Layers;
using Tko.Model;
using Tko.Outputs;
using Tko.Pipeline;
using Tko.Registry;

namespace Tko.Building;

/// <summary>
/// One build: subscribe to <see cref="Events"/> first, then call <see cref="RunAsync"/>. Events
/// arrive from the pipeline's threads, one at a time; the stream completes when the build ends
/// (with the error, if it failed).
/// </summary>
public sealed class BuildSession : IDisposable
{
    private readonly Subject<BuildEvent> _events = new();

    internal BuildSession(BuildSpec spec) => Spec = spec;

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
        Platform platform = SinglePlatform(Spec);
        LayerOptions layerOptions = Spec.Layer.Validated();
        DestinationPath.Segments(Spec.DestPath); // reject a bad path before any I/O
        using var registry = new RegistryClient(Spec.Registry);
        BaseImage baseImage = await BaseResolver.ResolveAsync(Spec.BaseRef, platform, registry, cancellationToken);

        // Scan before the destination exists: an output inside the source tree must not see its own staging directory.
        SourceSnapshot snapshot = SourceScanner.Scan(Spec.SourceDirectory);
        ImmutableArray<LayerEntry> entries = LayerPlanner.Plan(snapshot, Spec.DestPath, Spec.Uid, Spec.Gid);
        await using IImageDestination destination = OpenDestination(registry);

        var progress = new ProgressReporter(_events, platform.ToString());
        ILayerSink sink = await destination.BeginLayerAsync(cancellationToken);
        LayerResult layer = await LayerPipeline.RunAsync(entries, layerOptions, sink, progress, cancellationToken);
        await destination.EndLayerAsync(layer, cancellationToken);
        await destination.StoreBaseLayersAsync(baseImage, cancellationToken);

        ManifestFamily family = baseImage.Family;
        ImageConfig config = ImageConfigMutation.AddLayer(baseImage.Config, layer, Spec);
        Descriptor configDescriptor = await destination.StoreConfigAsync(CanonicalJson.Serialize(config), family.ConfigMediaType, cancellationToken);
        Descriptor[] layers = [.. baseImage.Layers, new Descriptor(family.LayerMediaType, layer.Digest, layer.Size)];
        Manifest manifest = ManifestAssembly.Create(family, configDescriptor, layers, ManifestAnnotations.For(Spec, baseImage));
        PublishedImage image = await destination.PublishAsync(CanonicalJson.Serialize(manifest), family.ManifestMediaType, configDescriptor, layers, cancellationToken);

        progress.Report(BuildEventKind.ImageWritten, image.Manifest.Size, image.Reference);
        return new BuildResult(image.Reference, image.Manifest, configDescriptor, layer, image.Location);
    }

    private IImageDestination OpenDestination(RegistryClient registry)
    {
        if (Spec.Target.Kind != TargetKind.Registry)
            return new LayoutDestination(Spec);
        ImageReference target = ImageReference.Parse(Spec.Target.Path);
        IReadOnlyList<string> tags = [.. (target.Tag is { } tag ? Spec.Tags.Prepend(tag) : Spec.Tags).Distinct(StringComparer.Ordinal)];
        if (tags.Count == 0) tags = [ImageReference.DefaultTag];
        return new RegistryDestination(registry, target, tags);
    }

    private static Platform SinglePlatform(BuildSpec spec) => spec.Platforms.Count == 1
        ? spec.Platforms[0]
        : throw new OptionException("--platforms", $"'{string.Join(',', spec.Platforms)}': building several platforms at once is not supported yet; give one platform");

    /// <summary>Completes the event stream if the build never ran.</summary>
    public void Dispose() => _events.Dispose();
}
