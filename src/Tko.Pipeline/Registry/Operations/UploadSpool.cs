using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;
using Tko.FileSystem;

namespace Tko.Registry;

/// <summary>
/// The temporary file an upload keeps its bytes in (see <see cref="LayerUpload"/>): named after
/// this process so that a later run can remove the spools of a run killed with kill -9 (the first
/// spool of a run sweeps its directory once), and deleted on close. A full disk under it is
/// reported naming the directory rather than as an unexpected failure.
/// </summary>
internal static class UploadSpool
{
    private const string Prefix = "tko-upload-";
    private static readonly ConcurrentDictionary<string, bool> Swept = new(StringComparer.Ordinal);

    /// <summary>The directory spools go in: <c>--tmp</c>, or the system's temporary directory.</summary>
    public static string DirectoryOf(RegistryClientOptions options) => options.TemporaryDirectory ?? Path.GetTempPath();

    /// <summary>Creates a new spool file in <see cref="DirectoryOf"/>.</summary>
    public static SafeFileHandle Create(RegistryClientOptions options)
    {
        string directory = DirectoryOf(options);
        if (Swept.TryAdd(Path.GetFullPath(directory), true)) Leftovers.Sweep(directory, Prefix);
        try
        {
            return File.OpenHandle(Path.Combine(directory, Leftovers.Name(Prefix, ".blob")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            throw Full(directory, e);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="offset"/> of <paramref name="spool"/>.</summary>
    public static async ValueTask WriteAsync(SafeFileHandle spool, ReadOnlyMemory<byte> bytes, long offset, RegistryClientOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await RandomAccess.WriteAsync(spool, bytes, offset, cancellationToken);
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            throw Full(DirectoryOf(options), e);
        }
    }

    private static TkoException Full(string directory, IOException e) =>
        new($"{directory}: the disk is full, so the upload cannot be spooled there; free space or give --tmp a directory on a larger disk", e);
}
