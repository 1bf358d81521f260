using System.Collections.Immutable;
using Tko.Model;

namespace Tko.Outputs;

/// <summary>An OCI layout directory, or a docker tarball packed from one, assembled in staging and renamed into place.</summary>
internal sealed class LayoutDestination : IImageDestination
{
    private readonly BuildSpec _spec;
    private readonly StagedOutput _output;
    private readonly BlobDirectory _blobs;
    private readonly OncePerDigest _baseLayers = new();

    public LayoutDestination(BuildSpec spec)
    {
        _spec = spec;
        _output = StagedOutput.Begin(spec.Target);
        _blobs = new BlobDirectory(_output.StagingRoot);
    }

    public Task<IPendingLayer> BeginLayerAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IPendingLayer>(new PendingLayerFile(_blobs));

    public async Task StoreBaseLayersAsync(BaseImage baseImage, CancellationToken cancellationToken)
    {
        foreach (Descriptor layer in baseImage.Layers)
            await _baseLayers.RunAsync(layer.Digest, () => _blobs.CopyAsync(baseImage.Blobs!, layer, cancellationToken));
    }

    public Task<Descriptor> StoreConfigAsync(byte[] config, string mediaType, CancellationToken cancellationToken) =>
        _blobs.WriteAsync(config, mediaType, cancellationToken);

    public Task<Descriptor> StoreManifestAsync(byte[] manifest, string mediaType, CancellationToken cancellationToken) =>
        _blobs.WriteAsync(manifest, mediaType, cancellationToken);

    public async Task<PublishedImage> PublishAsync(byte[] document, string mediaType, IReadOnlyList<AssembledImage> images, CancellationToken cancellationToken)
    {
        Descriptor top = await _blobs.WriteAsync(document, mediaType, cancellationToken);
        ImmutableList<string> tags = PublishedTags.For(null, _spec.Tags);
        await OciLayoutWriter.WriteAsync(_output.StagingRoot, top, _spec.Repository, tags, cancellationToken);
        if (_spec.Target.Kind == TargetKind.DockerTarball)
        {
            // BuildPlan refuses several platforms for a tarball: manifest.json names one image per tag.
            AssembledImage image = images.Single();
            await DockerTarballWriter.WriteAsync(_output.StagingRoot, _output.StagingTarball, image.Config, image.Layers,
                tags.Select(tag => $"{_spec.Repository}:{tag}"), cancellationToken);
        }
        _output.Commit();
        return new PublishedImage(top, $"{_spec.Repository}@{top.Digest}", _output.Destination, tags);
    }

    public ValueTask DisposeAsync()
    {
        _output.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>A layer streamed into a temporary file of the blob directory, renamed to its digest when complete.</summary>
    private sealed class PendingLayerFile(BlobDirectory blobs) : IPendingLayer
    {
        private readonly FileLayerSink _file = blobs.CreateLayerSink();
        private bool _completed;

        public ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => _file.WriteAsync(bytes, cancellationToken);

        public async Task CompleteAsync(LayerResult layer, CancellationToken cancellationToken)
        {
            await _file.DisposeAsync();
            blobs.Commit(_file, layer.Digest);
            _completed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await _file.DisposeAsync();
            if (!_completed) File.Delete(_file.TemporaryPath);
        }
    }
}
