using System.Buffers;
using System.Collections.Immutable;
using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Tko.Hashing;

namespace Tko.Inspection;

/// <summary>
/// Lists a layer's entries by streaming it once: blob (digest checked) → gunzip → SHA-256 of the
/// tar (checked against the config's diffID) → tar headers, each file's content hashed as it
/// passes. Memory holds one buffer and the list of entries, never a file's content.
/// </summary>
internal static class LayerReader
{
    private const int BufferSize = 1 << 16;

    public static async Task<ImmutableList<LayerEntryView>> ReadAsync(
        IImageStore store, Descriptor layer, Digest? diffId, string subject, CancellationToken cancellationToken)
    {
        await using Stream blob = await store.OpenBlobAsync(layer, cancellationToken);
        Stream decompressed =
            layer.MediaType.EndsWith("gzip", StringComparison.Ordinal) ? new GZipStream(blob, CompressionMode.Decompress, leaveOpen: true)
            : layer.MediaType.EndsWith("zstd", StringComparison.Ordinal) ? new ZstdSharp.DecompressionStream(blob, leaveOpen: true)
            : blob;
        await using var tar = new HashingReadStream(decompressed);
        var entries = ImmutableList.CreateBuilder<LayerEntryView>();
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            // A tar without end-of-archive blocks (umoci writes them so) ends where its last entry does.
            var ended = new EndOfArchiveStream(tar);
            await using (var reader = new TarReader(ended, leaveOpen: true))
            {
                while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
                {
                    entries.Add(await ViewAsync(entry, buffer, cancellationToken));
                    if (ended.Supplied)
                        throw new EndOfStreamException($"the tar ends inside {entry.Name}");
                }
            }
            // Read past the end-of-archive blocks to the end, so the diffID covers every byte and the blob's digest is checked.
            while (await tar.ReadAsync(buffer, cancellationToken) > 0) { }
            while (await blob.ReadAsync(buffer, cancellationToken) > 0) { }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            // A changed byte usually breaks gzip or tar before the blob ends: read to the end so the
            // digest check names the real fault (corrupt content) when it is that.
            while (await blob.ReadAsync(buffer, cancellationToken) > 0) { }
            throw new TkoException($"{subject}: layer {layer.Digest} is not a readable tar{(decompressed == blob ? "" : ".gz")} ({e.Message})", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TkoException($"{subject}: layer {layer.Digest} cannot be read ({e.Message})", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        Digest actual = tar.Digest();
        if (diffId is not null && actual != diffId)
            throw new DigestMismatchException(subject, diffId, actual, $"layer {layer.Digest} unpacks to a tar of diffID {actual}, not the config's {diffId}");
        return entries.ToImmutable();
    }

    private static async Task<LayerEntryView> ViewAsync(TarEntry entry, byte[] buffer, CancellationToken cancellationToken)
    {
        string? content = null;
        if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            if (entry.DataStream is { } data)
                for (int read; (read = await data.ReadAsync(buffer, cancellationToken)) > 0; size += read)
                    hash.AppendData(buffer, 0, read);
            content = $"{size} B {Digest.FromSha256(hash.GetHashAndReset())}";
        }
        bool isLink = entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink;
        return new LayerEntryView(
            ImagePath(entry.Name),
            TypeName(entry.EntryType),
            Convert.ToString((int)entry.Mode & 0xFFF, 8).PadLeft(4, '0'),
            entry.Uid,
            entry.Gid,
            (entry as PosixTarEntry)?.UserName ?? "",
            (entry as PosixTarEntry)?.GroupName ?? "",
            content,
            isLink ? entry.LinkName : null,
            entry.ModificationTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }

    /// <summary>The entry's path in the image: <c>./a/b/</c>, <c>a/b</c> and <c>/a/b</c> are all <c>/a/b</c>.</summary>
    public static string ImagePath(string name)
    {
        string trimmed = name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;
        trimmed = trimmed.Trim('/');
        return trimmed is "" or "." ? "/" : "/" + trimmed;
    }

    private static string TypeName(TarEntryType type) => type switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => "file",
        TarEntryType.Directory => "dir",
        TarEntryType.SymbolicLink => "symlink",
        TarEntryType.HardLink => "hardlink",
        TarEntryType.CharacterDevice => "char",
        TarEntryType.BlockDevice => "block",
        TarEntryType.Fifo => "fifo",
        _ => ((char)type).ToString(),
    };
}
