using System.Collections.Concurrent;

namespace Tko.Outputs;

/// <summary>What a registry push sent: how each blob got there and the bytes uploaded, for the build's result. Thread-safe.</summary>
internal sealed class TransferLedger
{
    private readonly ConcurrentDictionary<Digest, BlobTransferKind> _blobs = new();
    private long _bytes;

    public long BytesUploaded => Interlocked.Read(ref _bytes);

    public BlobTransferKind? TransferOf(Digest digest) => _blobs.TryGetValue(digest, out BlobTransferKind kind) ? kind : null;

    /// <summary>Records a blob; its bytes count when they were sent (copied or uploaded).</summary>
    public void Blob(Descriptor blob, BlobTransferKind kind)
    {
        _blobs[blob.Digest] = kind;
        if (kind is BlobTransferKind.Copied or BlobTransferKind.Uploaded) Interlocked.Add(ref _bytes, blob.Size);
    }

    /// <summary>Records <paramref name="puts"/> PUTs of a manifest of <paramref name="size"/> bytes.</summary>
    public void Manifest(long size, int puts) => Interlocked.Add(ref _bytes, size * puts);
}
