using System.Net;
using Microsoft.Win32.SafeHandles;

namespace Tko.Registry;

/// <summary>A byte range of an upload's spool file as a request body; it can be sent again for a retry.</summary>
internal sealed class SpoolContent(SafeFileHandle spool, long offset, long length) : ReplayableContent
{
    private const int Piece = 1 << 20;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[(int)Math.Min(Piece, Math.Max(length, 1))];
        for (long done = 0; done < length;)
        {
            int want = (int)Math.Min(buffer.Length, length - done);
            int read = await RandomAccess.ReadAsync(spool, buffer.AsMemory(0, want), offset + done, cancellationToken);
            if (read == 0) throw new IOException("the upload's spool file is shorter than the bytes written to it");
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            done += read;
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long computed)
    {
        computed = length;
        return true;
    }
}
