using System.Buffers;
using System.Security.Cryptography;
using System.Threading.Channels;
using Tko.Compression;

namespace Tko.Dataflow;

/// <summary>
/// The last stage: joins compressed chunks in tar order between the framing's header and trailer
/// (one gzip member, or zstd frames back to back), hashes the result (the layer digest) and hands
/// the bytes to the sink as they come.
/// </summary>
internal static class GzipStage
{
    public static async Task<(Digest Digest, long Size)> RunAsync(
        ChannelReader<Task<CompressedChunk>> ordered,
        Task<TarSummary> tar,
        LayerFraming framing,
        ILayerSink sink,
        ProgressReporter progress,
        CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;

        async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes)
        {
            sha256.AppendData(bytes.Span);
            await sink.WriteAsync(bytes, cancellationToken);
            size += bytes.Length;
            progress.Report(BuildEventKind.BytesWritten, bytes.Length);
        }

        if (!framing.Header.IsEmpty) await WriteAsync(framing.Header);
        await foreach (Task<CompressedChunk> pending in ordered.ReadAllAsync(cancellationToken))
        {
            // A chunk whose worker was stopped by a failure elsewhere never completes: wait for it only until cancellation.
            CompressedChunk chunk = await pending.WaitAsync(cancellationToken);
            await WriteAsync(chunk.Buffer.AsMemory(0, chunk.Length));
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }
        TarSummary summary = await tar;
        ReadOnlyMemory<byte> trailer = framing.Trailer(summary.Crc32, summary.Length);
        if (!trailer.IsEmpty) await WriteAsync(trailer);
        return (Digest.FromSha256(sha256.GetHashAndReset()), size);
    }
}
