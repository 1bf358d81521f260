using Tko.Daemon;
using Tko.FileSystem;
using Tko.Model;

namespace Tko.Outputs;

/// <summary>
/// A Docker Engine API daemon (Docker, or Podman's API service). The image is assembled as the same
/// docker tarball LOCAL_FILE writes, in a private temporary directory (below the spec's
/// <c>Registry.TemporaryDirectory</c>, else the system's; the new layer's size is known
/// only once it is compressed, and a tar entry needs its size up front), then streamed from disk to
/// <c>POST /images/load</c> and deleted. The daemon is pinged before anything is built.
/// </summary>
internal sealed class DaemonDestination(BuildSpec spec, IObserver<string>? log, DockerHost host, ImageReference target, IReadOnlyList<string> tags) : IImageDestination
{
    private readonly DockerEngineClient _daemon = new(host);
    private string? _workDirectory;
    private LayoutDestination? _tarball;

    private const string WorkDirectoryPrefix = "tko-daemon-";

    private string TarballPath => Path.Combine(_workDirectory!, "image.tar");

    /// <summary>Pings the daemon and opens the tarball on first use: BuildPlan allows one platform, so one image goes through here.</summary>
    private async Task<LayoutDestination> TarballAsync(CancellationToken cancellationToken)
    {
        if (_tarball is not null) return _tarball;
        await _daemon.PingAsync(cancellationToken);
        // Where registry uploads spool too, so one setting (tko's --tmp) moves every temporary file.
        // Named after this process, so a later run removes it if this one is killed.
        string temporary = spec.Registry.TemporaryDirectory ?? Path.GetTempPath();
        Leftovers.Sweep(temporary, WorkDirectoryPrefix);
        _workDirectory = Path.Combine(temporary, Leftovers.Name(WorkDirectoryPrefix));
        Directory.CreateDirectory(_workDirectory);
        return _tarball = new LayoutDestination(spec
            .WithTarget(Target.DockerTarball(TarballPath))
            .WithRepository(target.Name)
            .WithTags([.. tags]));
    }

    public async Task<IPendingLayer> BeginLayerAsync(CancellationToken cancellationToken) =>
        await (await TarballAsync(cancellationToken)).BeginLayerAsync(cancellationToken);

    public async Task StoreBaseLayersAsync(BaseImage baseImage, CancellationToken cancellationToken) =>
        await (await TarballAsync(cancellationToken)).StoreBaseLayersAsync(baseImage, cancellationToken);

    public async Task<Descriptor> StoreConfigAsync(byte[] config, string mediaType, CancellationToken cancellationToken) =>
        await (await TarballAsync(cancellationToken)).StoreConfigAsync(config, mediaType, cancellationToken);

    public async Task<Descriptor> StoreManifestAsync(byte[] manifest, string mediaType, CancellationToken cancellationToken) =>
        await (await TarballAsync(cancellationToken)).StoreManifestAsync(manifest, mediaType, cancellationToken);

    public async Task<PublishedImage> PublishAsync(byte[] document, string mediaType, IReadOnlyList<AssembledImage> images, CancellationToken cancellationToken)
    {
        LayoutDestination tarball = await TarballAsync(cancellationToken);
        PublishedImage written = await tarball.PublishAsync(document, mediaType, images, cancellationToken);
        await tarball.DisposeAsync(); // drops the staged layout; only the tarball is left to send
        _tarball = null;
        IReadOnlyList<string> said;
        await using (var file = new FileStream(TarballPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan))
            said = await _daemon.LoadAsync(file, cancellationToken);
        foreach (string message in said)
            log?.OnNext($"{host.Address}: {message}"); // what -v shows, e.g. "Loaded image: NAME:TAG"

        return written with { Location = host.Address };
    }

    public async ValueTask DisposeAsync()
    {
        if (_tarball is not null) await _tarball.DisposeAsync();
        if (_workDirectory is not null && Directory.Exists(_workDirectory)) Directory.Delete(_workDirectory, recursive: true);
        _daemon.Dispose();
    }
}
