using System.Collections.Immutable;
using System.Reactive.Subjects;
using Tko.Errors;
using Tko.Json;
using Tko.Layers;
using Tko.Model;
using Tko.Outputs;
using Tko.Pipeline;

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
        BaseImage baseImage = await BaseResolver.ResolveAsync(Spec.BaseRef, platform, cancellationToken);

        // Scan before staging: an output inside the source tree must not see its own staging directory.
        SourceSnapshot snapshot = SourceScanner.Scan(Spec.SourceDirectory);
        using StagedOutput output = StagedOutput.Begin(Spec.Target);
        ImmutableArray<LayerEntry> entries = LayerPlanner.Plan(snapshot, Spec.DestPath, Spec.Uid, Spec.Gid);

        var blobs = new BlobDirectory(output.StagingRoot);
        var progress = new ProgressReporter(_events, platform.ToString());
        FileLayerSink sink = blobs.CreateLayerSink();
        LayerResult layer;
        try
        {
            layer = await LayerPipeline.RunAsync(entries, layerOptions, sink, progress, cancellationToken);
        }
        finally
        {
            await sink.DisposeAsync();
        }
        blobs.Commit(sink, layer.Digest);
        foreach (Descriptor baseLayer in baseImage.Layers)
            await blobs.CopyAsync(baseImage.Blobs!, baseLayer, cancellationToken);

        ManifestFamily family = baseImage.Family;
        ImageConfig config = ImageConfigMutation.AddLayer(baseImage.Config, layer, Spec);
        Descriptor configDescriptor = await blobs.WriteAsync(CanonicalJson.Serialize(config), family.ConfigMediaType, cancellationToken);
        Descriptor[] layers = [.. baseImage.Layers, new Descriptor(family.LayerMediaType, layer.Digest, layer.Size)];
        Manifest manifest = ManifestAssembly.Create(family, configDescriptor, layers);
        Descriptor manifestDescriptor = await blobs.WriteAsync(CanonicalJson.Serialize(manifest), family.ManifestMediaType, cancellationToken);
        await OciLayoutWriter.WriteAsync(output.StagingRoot, manifestDescriptor, Spec.Tags, cancellationToken);

        if (Spec.Target.Kind == TargetKind.DockerTarball)
        {
            await DockerTarballWriter.WriteAsync(output.StagingRoot, output.StagingTarball, configDescriptor, layers,
                Spec.Tags.Select(tag => $"{Spec.Repository}:{tag}"), cancellationToken);
        }
        output.Commit();

        string reference = $"{Spec.Repository}@{manifestDescriptor.Digest}";
        progress.Report(BuildEventKind.ImageWritten, manifestDescriptor.Size, reference);
        return new BuildResult(reference, manifestDescriptor, configDescriptor, layer, output.Destination);
    }

    private static Platform SinglePlatform(BuildSpec spec) => spec.Platforms.Count == 1
        ? spec.Platforms[0]
        : throw new OptionException("--platforms", $"'{string.Join(',', spec.Platforms)}': building several platforms at once is not supported yet; give one platform");

    /// <summary>Completes the event stream if the build never ran.</summary>
    public void Dispose() => _events.Dispose();
}
