using System.Collections.Immutable;
using System.Formats.Tar;

namespace Tko.Outputs;

/// <summary>
/// Packs an OCI layout into one tar and adds the <c>manifest.json</c> that <c>docker load</c> reads,
/// as <c>docker save</c> does since Docker 25: the file loads into Docker or Podman and reads as an
/// OCI archive too. Every entry is ustar with fixed owner and time, so the tarball is reproducible.
/// </summary>
internal static class DockerTarballWriter
{
    public static async Task WriteAsync(string layoutRoot, string tarballPath, Descriptor config, IEnumerable<Descriptor> layers, IEnumerable<string> repoTags, CancellationToken cancellationToken)
    {
        var entry = new DockerArchiveEntry(BlobDirectory.RelativePath(config.Digest), [.. repoTags], [.. layers.Select(l => BlobDirectory.RelativePath(l.Digest))]);
        byte[] manifestJson = CanonicalJson.Serialize(ImmutableList.Create(entry));

        string[] files = Directory.EnumerateFiles(layoutRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(layoutRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

        await using var output = new FileStream(tarballPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await using (var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (string directory in new[] { "blobs/", "blobs/sha256/" })
                await tar.WriteEntryAsync(Entry(TarEntryType.Directory, directory, 0b111_101_101), cancellationToken);
            foreach (string file in files)
            {
                await using FileStream content = File.OpenRead(Path.Combine(layoutRoot, file));
                UstarTarEntry fileEntry = Entry(TarEntryType.RegularFile, file, 0b110_100_100);
                fileEntry.DataStream = content;
                await tar.WriteEntryAsync(fileEntry, cancellationToken);
            }
            UstarTarEntry manifest = Entry(TarEntryType.RegularFile, "manifest.json", 0b110_100_100);
            manifest.DataStream = new MemoryStream(manifestJson);
            await tar.WriteEntryAsync(manifest, cancellationToken);
        }
    }

    private static UstarTarEntry Entry(TarEntryType type, string name, int mode) => new(type, name)
    {
        ModificationTime = DateTimeOffset.UnixEpoch,
        Mode = (UnixFileMode)mode,
        Uid = 0,
        Gid = 0,
        UserName = "",
        GroupName = "",
    };
}
