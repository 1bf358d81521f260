using System.Collections.Immutable;
using Microsoft.Win32.SafeHandles;
using Tko.Compression;

namespace Tko.Dataflow;

/// <summary>
/// The first stage: writes the planned entries as a tar stream (headers, content, padding, the
/// two-block end marker) into chunks, hashing as it goes.
/// </summary>
internal static class TarStage
{
    public static async Task<TarSummary> RunAsync(
        ImmutableArray<LayerEntry> entries,
        LayerOptions options,
        Func<TarChunk, ValueTask> emit,
        ProgressReporter progress,
        CancellationToken cancellationToken)
    {
        using var writer = new ChunkWriter(options.ChunkSize, emit);
        foreach (LayerEntry entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(TarHeaderEncoder.Encode(entry, options.ModificationTime));
            if (entry.Kind == LayerEntryKind.File)
            {
                await CopyContentAsync(entry, writer, progress, cancellationToken);
                await writer.PadAsync(TarHeaderEncoder.BlockSize);
            }
            progress.Report(BuildEventKind.FileSeen, 1, entry.Name);
        }
        await writer.WriteZerosAsync(2 * TarHeaderEncoder.BlockSize); // end-of-archive marker
        long length = writer.Length;
        (byte[] sha256, uint crc32) = await writer.CompleteAsync();
        return new TarSummary(Digest.FromSha256(sha256), crc32, length, entries.Length);
    }

    private static async Task CopyContentAsync(LayerEntry entry, ChunkWriter writer, ProgressReporter progress, CancellationToken cancellationToken)
    {
        string path = entry.SourcePath!;
        using SafeFileHandle file = Open(path);
        long offset = 0;
        while (offset < entry.Size)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Memory<byte> free = await writer.FreeSpaceAsync();
            int wanted = (int)Math.Min(free.Length, entry.Size - offset);
            int read = Read(file, free.Span[..wanted], offset, path);
            if (read == 0)
                throw new SourceException(path, $"shrank from {entry.Size} bytes while it was being read; rebuild once nothing writes to the source");
            writer.Advance(read);
            offset += read;
            progress.Report(BuildEventKind.BytesRead, read);
        }
        if (Read(file, stackalloc byte[1], offset, path) != 0)
            throw new SourceException(path, $"grew beyond {entry.Size} bytes while it was being read; rebuild once nothing writes to the source");
    }

    private static SafeFileHandle Open(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, FileOptions.SequentialScan);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SourceException(path, "cannot be read (permission denied); make it readable or remove it from the source", e);
        }
        catch (FileNotFoundException e)
        {
            throw new SourceException(path, "disappeared while the layer was being built", e);
        }
        catch (IOException e)
        {
            throw new SourceException(path, $"cannot be opened ({e.Message})", e);
        }
    }

    private static int Read(SafeFileHandle file, Span<byte> into, long offset, string path)
    {
        try
        {
            return RandomAccess.Read(file, into, offset);
        }
        catch (IOException e)
        {
            throw new SourceException(path, $"cannot be read ({e.Message})", e);
        }
    }
}
