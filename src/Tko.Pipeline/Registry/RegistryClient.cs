using System.Collections.Immutable;
using Tko.Registry;

namespace Tko;

/// <summary>
/// A client of OCI distribution registries: pull a base image for a platform, put its blobs into a
/// target repository (present, mounted or copied, a bounded number at a time), stream a new layer
/// while it is built, and push the config, the manifest and its tags. One client shares one
/// connection pool, credential lookups and token cache across every call; dispose it when done.
/// </summary>
public sealed class RegistryClient : IDisposable
{
    private readonly RegistryTransport _transport;
    private readonly RegistryHttp _http;
    private readonly ManifestOperations _manifests;
    private readonly BlobOperations _blobs;
    private readonly BlobTransfers _transfers;
    private readonly ImagePuller _puller;
    private readonly ReferrerOperations _referrers;
    private readonly SemaphoreSlim _transferSlots;

    /// <summary>
    /// A client with <paramref name="options"/> (<see cref="RegistryClientOptions.FromEnvironment"/> is
    /// what the CLI uses); <paramref name="log"/>, when given, receives one line per request and retry, secrets removed.
    /// </summary>
    public RegistryClient(RegistryClientOptions options, IObserver<string>? log = null) : this(options, null, null, log) { }

    internal RegistryClient(RegistryClientOptions options, HttpMessageHandler? network, TimeProvider? clock, IObserver<string>? log = null)
    {
        Options = options.Validated();
        _transport = RegistryTransport.Create(options, network, clock, log);
        _http = new RegistryHttp(_transport, new RegistryEndpoints(_transport), Options);
        _manifests = new ManifestOperations(_http);
        _blobs = new BlobOperations(_http);
        _transfers = new BlobTransfers(_http, _blobs, options);
        _puller = new ImagePuller(_manifests, _blobs);
        _referrers = new ReferrerOperations(_http, _manifests);
        _transferSlots = new SemaphoreSlim(options.MaxConcurrentBlobTransfers);
    }

    /// <summary>The options the client was made with.</summary>
    public RegistryClientOptions Options { get; }

    /// <summary>The client's request sender, for uploads driven from outside this folder.</summary>
    internal RegistryHttp Http => _http;

    /// <summary>The base image's manifest, config and layers for <paramref name="platform"/> (picked from an index when the reference names one), all verified.</summary>
    public Task<PulledImage> PullAsync(ImageReference reference, Platform platform, CancellationToken cancellationToken = default) =>
        _puller.PullAsync(reference, platform, cancellationToken);

    /// <summary>The manifest or index <paramref name="reference"/> names, as served and verified.</summary>
    public Task<RemoteManifest> GetManifestAsync(ImageReference reference, CancellationToken cancellationToken = default) =>
        _manifests.GetAsync(reference, cancellationToken);

    /// <summary>The descriptor of the manifest <paramref name="reference"/> names (HEAD), or null when there is none.</summary>
    public Task<Descriptor?> HeadManifestAsync(ImageReference reference, CancellationToken cancellationToken = default) =>
        _manifests.HeadAsync(reference, cancellationToken);

    /// <summary>True when <paramref name="repository"/> has the blob <paramref name="digest"/>.</summary>
    public Task<bool> BlobExistsAsync(ImageReference repository, Digest digest, CancellationToken cancellationToken = default) =>
        _blobs.ExistsAsync(repository, digest, null, RequestAccess.Pull(repository), cancellationToken);

    /// <summary>A blob as a stream that throws <see cref="DigestMismatchException"/> at the end unless its bytes match <paramref name="blob"/>.</summary>
    public Task<Stream> OpenBlobAsync(ImageReference repository, Descriptor blob, CancellationToken cancellationToken = default) =>
        _blobs.OpenAsync(repository, blob, cancellationToken);

    /// <summary>A small blob's bytes (a config), verified.</summary>
    public async Task<ReadOnlyMemory<byte>> GetBlobAsync(ImageReference repository, Descriptor blob, CancellationToken cancellationToken = default) =>
        await _blobs.ReadAllAsync(repository, blob, cancellationToken);

    /// <summary>
    /// Makes sure <paramref name="target"/>'s repository has <paramref name="blob"/> of
    /// <paramref name="source"/>'s: nothing when it is there, a mount within one registry, otherwise
    /// a verified copy streamed from the source.
    /// </summary>
    public async Task<BlobTransfer> EnsureBlobAsync(ImageReference source, ImageReference target, Descriptor blob, CancellationToken cancellationToken = default)
    {
        await _transferSlots.WaitAsync(cancellationToken);
        try
        {
            return await _transfers.EnsureAsync(source, target, blob, cancellationToken);
        }
        finally
        {
            _transferSlots.Release();
        }
    }

    /// <summary><see cref="EnsureBlobAsync"/> for each blob, at most <see cref="RegistryClientOptions.MaxConcurrentBlobTransfers"/> at a time; the first failure is thrown.</summary>
    public async Task<ImmutableList<BlobTransfer>> EnsureBlobsAsync(ImageReference source, ImageReference target, IEnumerable<Descriptor> blobs, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<BlobTransfer>[] transfers = [.. blobs.Select(async blob =>
        {
            try
            {
                return await EnsureBlobAsync(source, target, blob, stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        })];
        try
        {
            return [.. await Task.WhenAll(transfers)];
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A sibling failed and cancelled the rest: report that failure, not the cancellation.
            throw transfers.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException)
                ?? new OperationCanceledException(cancellationToken);
        }
    }

    /// <summary>Uploads a blob held in memory (a config) unless the repository has it; returns its descriptor.</summary>
    public async Task<Descriptor> PutBlobAsync(ImageReference target, ReadOnlyMemory<byte> bytes, string mediaType, CancellationToken cancellationToken = default) =>
        (await UploadBlobAsync(target, bytes, mediaType, cancellationToken)).Blob;

    /// <summary>As <see cref="PutBlobAsync"/>, saying whether the blob was uploaded or already there.</summary>
    public async Task<BlobTransfer> UploadBlobAsync(ImageReference target, ReadOnlyMemory<byte> bytes, string mediaType, CancellationToken cancellationToken = default)
    {
        await _transferSlots.WaitAsync(cancellationToken);
        try
        {
            return await _transfers.PutAsync(target, bytes, mediaType, cancellationToken);
        }
        finally
        {
            _transferSlots.Release();
        }
    }

    /// <summary>PUTs a manifest or index with its media type at <paramref name="tagOrDigest"/>; returns its descriptor.</summary>
    public Task<Descriptor> PutManifestAsync(ImageReference target, ReadOnlyMemory<byte> manifest, string mediaType, string tagOrDigest, CancellationToken cancellationToken = default) =>
        _manifests.PutAsync(target, manifest, mediaType, tagOrDigest, cancellationToken);

    /// <summary>PUTs a manifest by its digest first, then at each tag; returns its descriptor.</summary>
    public async Task<Descriptor> PushManifestAsync(ImageReference target, ReadOnlyMemory<byte> manifest, string mediaType, IEnumerable<string> tags, CancellationToken cancellationToken = default)
    {
        Descriptor pushed = await _manifests.PutAsync(target, manifest, mediaType, Digest.OfContent(manifest.Span).ToString(), cancellationToken);
        foreach (string tag in tags.Distinct(StringComparer.Ordinal))
            await _manifests.PutAsync(target, manifest, mediaType, tag, cancellationToken);
        return pushed;
    }

    /// <summary>
    /// Pushes <paramref name="manifest"/>, a referrer of the manifest <paramref name="subject"/>, by
    /// digest, and lists it where clients look: the registry's referrers API, or, when the registry
    /// has none, the image index at the referrers tag <c>sha256-HEX</c>, merged with what that index lists.
    /// Returns the bytes of the documents PUT.
    /// </summary>
    public Task<long> AttachReferrerAsync(ImageReference target, ReadOnlyMemory<byte> manifest, Descriptor referrer, Digest subject, CancellationToken cancellationToken = default) =>
        _referrers.AttachAsync(target, manifest, referrer, subject, cancellationToken);

    /// <summary>Closes the connections.</summary>
    public void Dispose()
    {
        _transport.Dispose();
        _transferSlots.Dispose();
    }
}
