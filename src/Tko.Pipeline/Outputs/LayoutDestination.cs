using Tko.Building;
using Tko.Model;
using Tko.Pipeline;

namespace Tko.Outputs;

/// <summary>An OCI layout directory, or a docker tarball packed from one, assembled in staging and renamed into place.</summary>
internal sealed class LayoutDestination : IImageDestination
{
    private readonly BuildSpec _spec;
    private readonly StagedOutput _output;
    private readonly BlobDirectory _blobs;
    private FileLayerSink? _layer;

    public LayoutDestination(BuildSpec spec)
    {
        _spec = spec;
        _output = StagedOutput.Begin(spec.Target);
        _blobs = new BlobDirectory(_output.StagingRoot);
    }

    public Task<ILayerSink> BeginLayerAsync(CancellationToken cancellationToken)
    {
        _layer = _blobs.CreateLayerSink();
        return Task.FromResult<ILayerSink>(_layer);
    }

    public async Task EndLayerAsync(LayerResult layer, CancellationToken cancellationToken)
    {
        await _layer!.DisposeAsync();
        _blobs.Commit(_layer, layer.Digest);
        _layer = null;
    }

    public async Task StoreBaseLayersAsync(BaseImage baseImage, CancellationToken cancellationToken)
    {
        foreach (Descriptor layer in baseImage.Layers)
            await _blobs.CopyAsync(baseImage.Blobs!, layer, cancellationToken);
    }

    public Task<Descriptor> StoreConfigAsync(byte[] config, string mediaType, CancellationToken cancellationToken) =>
        _blobs.WriteAsync(config, mediaType, cancellationToken);

    public async Task<PublishedImage> PublishAsync(byte[] manifest, string mediaType, Descriptor config, IReadOnlyList<Descriptor> layers, CancellationToken cancellationToken)
    {
        Descriptor manifestDescriptor = await _blobs.WriteAsync(manifest, mediaType, cancellationToken);
        await OciLayoutWriter.WriteAsync(_output.StagingRoot, manifestDescriptor, _spec.Repository, _spec.Tags, cancellationToken);
        if (_spec.Target.Kind == TargetKind.DockerTarball)
        {
            await DockerTarballWriter.WriteAsync(_output.StagingRoot, _output.StagingTarball, config, layers,
                _spec.Tags.Select(tag => $"{_spec.Repository}:{tag}"), cancellationToken);
        }
        _output.Commit();
        return new PublishedImage(manifestDescriptor, $"{_spec.Repository}@{manifestDescriptor.Digest}", _output.Destination);
    }

    public async ValueTask DisposeAsync()
    {
        if (_layer is not null) await _layer.DisposeAsync();
        _output.Dispose();
    }
}
