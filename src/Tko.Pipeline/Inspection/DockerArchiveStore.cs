using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using Tko.Hashing;
using Tko.Json;

namespace Tko.Inspection;

/// <summary>
/// An image in a docker tarball that has only <c>manifest.json</c> (docker save before Docker 25,
/// podman save): there is no manifest document, so one is made up in Docker's schema 2 from the
/// config and layer files, each one's digest being its file's SHA-256, computed once when the
/// tarball is opened (legacy member names such as <c>ID/layer.tar</c> do not carry it).
/// </summary>
internal sealed class DockerArchiveStore : IImageStore
{
    /// <summary>An uncompressed Docker layer, as docker save writes them.</summary>
    private const string DockerLayerTar = "application/vnd.docker.image.rootfs.diff.tar";

    private readonly ILayoutFiles _files;
    private readonly string _shown;
    private readonly StoredDocument _top;
    private readonly Dictionary<Digest, string> _names;

    private DockerArchiveStore(ILayoutFiles files, string shown, StoredDocument top, Dictionary<Digest, string> names) =>
        (_files, _shown, _top, _names) = (files, shown, top, names);

    public static async Task<DockerArchiveStore> OpenAsync(ILayoutFiles files, string shown, string? tag, CancellationToken cancellationToken)
    {
        ImmutableList<DockerArchiveEntry> images;
        try
        {
            byte[] json;
            await using (Stream file = files.Open("manifest.json"))
                json = await BoundedDocument.ReadAsync(file, BoundedDocument.ManifestCap, $"{shown}: manifest.json", cancellationToken);
            images = JsonSerializer.Deserialize(json, TkoJsonContext.Canonical.ImmutableListDockerArchiveEntry) ?? [];
        }
        catch (JsonException e)
        {
            throw new TkoException($"{shown}: manifest.json is not a docker tarball's image list ({e.Message})", e);
        }
        DockerArchiveEntry[] chosen = [.. images.Where(i => tag is null || (i.RepoTags ?? []).Any(t => t == tag || t.EndsWith(":" + tag, StringComparison.Ordinal)))];
        if (chosen.Length != 1)
            throw new TkoException(chosen.Length == 0
                ? $"{shown}: the tarball has no image{(tag is null ? "" : $" tagged '{tag}'")}"
                : $"{shown}: the tarball holds {chosen.Length} images; name one as {shown}:TAG");

        var names = new Dictionary<Digest, string>();
        Descriptor config = await DescribeAsync(files, shown, chosen[0].Config, MediaTypes.DockerConfig, names, cancellationToken);
        var layers = ImmutableList.CreateBuilder<Descriptor>();
        foreach (string layer in chosen[0].Layers)
            layers.Add(await DescribeAsync(files, shown, layer, null, names, cancellationToken));
        byte[] manifest = CanonicalJson.Serialize(new Manifest(MediaTypes.DockerManifest, config, layers.ToImmutable()));
        var top = new StoredDocument(new Descriptor(MediaTypes.DockerManifest, Digest.OfContent(manifest), manifest.Length), manifest);
        return new DockerArchiveStore(files, shown, top, names);
    }

    private static async Task<Descriptor> DescribeAsync(ILayoutFiles files, string shown, string name, string? mediaType, Dictionary<Digest, string> names, CancellationToken cancellationToken)
    {
        if (!files.Exists(name))
            throw new TkoException($"{shown}: manifest.json names {name}, which the tarball does not hold");
        await using Stream content = files.Open(name);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        bool gzip = false;
        for (int read; (read = await content.ReadAsync(buffer, cancellationToken)) > 0; size += read)
        {
            if (size == 0) gzip = read >= 2 && buffer[0] == 0x1f && buffer[1] == 0x8b;
            hash.AppendData(buffer, 0, read);
        }
        Digest digest = Digest.FromSha256(hash.GetHashAndReset());
        names[digest] = name;
        return new Descriptor(mediaType ?? (gzip ? MediaTypes.DockerLayerGzip : DockerLayerTar), digest, size);
    }

    public Task<StoredDocument> ReadTopAsync(CancellationToken cancellationToken) => Task.FromResult(_top);

    public Task<byte[]> ReadManifestAsync(Descriptor descriptor, CancellationToken cancellationToken) =>
        throw new TkoException($"{_shown}: a docker tarball has no image index");

    public async Task<byte[]> ReadBlobAsync(Descriptor descriptor, CancellationToken cancellationToken)
    {
        string name = $"{_shown}: the config {_names[descriptor.Digest]}";
        if (descriptor.Size > BoundedDocument.ConfigCap)
            throw new TkoException($"{name} {BoundedDocument.TooLarge(BoundedDocument.ConfigCap)}");
        await using Stream blob = await OpenBlobAsync(descriptor, cancellationToken);
        return await BoundedDocument.ReadAsync(blob, BoundedDocument.ConfigCap, name, cancellationToken);
    }

    public Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new VerifyingReadStream(_files.Open(_names[descriptor.Digest]), descriptor, _shown));

    public void Dispose() => _files.Dispose();
}
