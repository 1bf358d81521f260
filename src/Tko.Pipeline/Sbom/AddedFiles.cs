using System.Collections.Immutable;
using System.Security.Cryptography;

namespace Tko.Sbom;

/// <summary>Reads the content of each regular file a layer adds, once, for its SHA-1 and SHA-256.</summary>
internal static class AddedFiles
{
    /// <summary>The regular files of <paramref name="entries"/> with their digests, in the entries' (ordinal) order.</summary>
    public static async Task<ImmutableArray<AddedFile>> HashAsync(ImmutableArray<LayerEntry> entries, CancellationToken cancellationToken)
    {
        var files = ImmutableArray.CreateBuilder<AddedFile>();
        byte[] buffer = new byte[1 << 16];
        foreach (LayerEntry entry in entries.Where(e => e.Kind == LayerEntryKind.File).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var stream = new FileStream(entry.SourcePath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha1.AppendData(buffer, 0, read);
                    sha256.AppendData(buffer, 0, read);
                    size += read;
                }
            }
            files.Add(new AddedFile("/" + entry.Name, Convert.ToHexStringLower(sha1.GetHashAndReset()), Convert.ToHexStringLower(sha256.GetHashAndReset()), size, entry.SourcePath!));
        }
        return files.ToImmutable();
    }
}
