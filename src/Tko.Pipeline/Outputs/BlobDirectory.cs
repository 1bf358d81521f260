namespace Tko.Outputs;

/// <summary>The <c>blobs/sha256</c> directory of an OCI layout: every blob stored under its digest.</summary>
internal sealed class BlobDirectory
{
    private readonly string _directory;

    public BlobDirectory(string layoutRoot)
    {
        _directory = Path.Combine(layoutRoot, "blobs", "sha256");
        Directory.CreateDirectory(_directory);
    }

    /// <summary>The path of a blob inside the layout, '/'-separated as manifest.json wants it.</summary>
    public static string RelativePath(Digest digest) => $"blobs/{digest.Algorithm}/{digest.Hex}";

    /// <summary>Writes a whole document and returns its descriptor.</summary>
    public async Task<Descriptor> WriteAsync(byte[] content, string mediaType, CancellationToken cancellationToken)
    {
        Digest digest = Digest.OfContent(content);
        await File.WriteAllBytesAsync(Path.Combine(_directory, digest.Hex), content, cancellationToken);
        return new Descriptor(mediaType, digest, content.Length);
    }

    /// <summary>Copies a blob from <paramref name="source"/> unless the directory has it already; the source verifies the bytes.</summary>
    public async Task CopyAsync(IBlobSource source, Descriptor descriptor, CancellationToken cancellationToken)
    {
        string destination = Path.Combine(_directory, descriptor.Digest.Hex);
        if (File.Exists(destination)) return;
        string incoming = Path.Combine(_directory, $".incoming-{Guid.NewGuid():N}");
        try
        {
            await using (Stream blob = await source.OpenBlobAsync(descriptor, cancellationToken))
            await using (var file = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                await blob.CopyToAsync(file, cancellationToken);
            File.Move(incoming, destination, overwrite: true);
        }
        finally
        {
            File.Delete(incoming);
        }
    }

    /// <summary>A sink for a layer whose digest is not yet known.</summary>
    public FileLayerSink CreateLayerSink() => new(Path.Combine(_directory, $".incoming-{Guid.NewGuid():N}"));

    /// <summary>Moves a finished layer to its digest's name.</summary>
    public void Commit(FileLayerSink sink, Digest digest) =>
        File.Move(sink.TemporaryPath, Path.Combine(_directory, digest.Hex), overwrite: true);
}
