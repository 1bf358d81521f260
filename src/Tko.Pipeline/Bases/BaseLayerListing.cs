using System.Formats.Tar;
using System.IO.Compression;

namespace Tko.Bases;

/// <summary>
/// Reads the entry names (and symlink targets) of a base's layers from their tar headers, top layer
/// first, stopping as soon as the caller has what it looks for: file contents are skipped, never kept.
/// </summary>
internal static class BaseLayerListing
{
    /// <summary>
    /// Feeds each entry of each layer, top first, to <paramref name="add"/> (name, symlink target or null),
    /// and after each layer asks <paramref name="done"/>; returns false when a layer could not be read
    /// (zstd, a foreign layer, or no blobs), so the caller cannot tell.
    /// </summary>
    public static async Task<bool> ReadAsync(BaseImage baseImage, Action<string, string?> add, Func<bool> done, CancellationToken cancellationToken)
    {
        if (baseImage.Blobs is not { } blobs) return baseImage.Layers.IsEmpty;
        bool complete = true;
        for (int i = baseImage.Layers.Count - 1; i >= 0; i--)
        {
            Descriptor layer = baseImage.Layers[i];
            if (!IsReadable(layer.MediaType))
            {
                complete = false;
                continue;
            }
            await using Stream blob = await blobs.OpenBlobAsync(layer, cancellationToken);
            await using Stream tar = layer.MediaType.EndsWith("gzip", StringComparison.Ordinal) ? new GZipStream(blob, CompressionMode.Decompress, leaveOpen: true) : blob;
            try
            {
                await using var reader = new TarReader(tar, leaveOpen: true);
                while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
                    add(entry.Name, entry.EntryType == TarEntryType.SymbolicLink ? entry.LinkName : null);
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
            {
                // A tar without end-of-archive blocks ends where its last entry does; what was listed stands.
            }
            if (done()) return true;
        }
        return complete;
    }

    private static bool IsReadable(string mediaType) =>
        mediaType is MediaTypes.OciLayer or MediaTypes.OciLayerGzip or MediaTypes.DockerLayerGzip
        || mediaType == "application/vnd.docker.image.rootfs.diff.tar";
}
