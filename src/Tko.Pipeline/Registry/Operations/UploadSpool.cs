using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;
using Tko.FileSystem;

namespace Tko.Registry;

/// <summary>
/// Every byte of one upload kept in a temporary file (deleted when closed), so that an interrupted
/// upload resumes, a lost session starts again, or the blob goes whole, without asking its producer
/// again. The file is named after this process so that a later run can remove the spools of a run
/// killed with kill -9 (the first spool of a run sweeps its directory once); a full disk under it is
/// reported naming the directory rather than as an unexpected failure.
/// </summary>
internal sealed class UploadSpool : IDisposable
{
    private const string Prefix = "tko-upload-";
    private static readonly ConcurrentDictionary<string, bool> Swept = new(StringComparer.Ordinal);

    private readonly SafeFileHandle _file;
    private readonly string _directory;

    private UploadSpool(SafeFileHandle file, string directory) => (_file, _directory) = (file, directory);

    /// <summary>Bytes appended so far.</summary>
    public long Length { get; private set; }

    /// <summary>A new, empty spool file in <paramref name="directory"/> (null: the system's temporary directory).</summary>
    public static UploadSpool Create(string? directory)
    {
        directory ??= Path.GetTempPath();
        if (Swept.TryAdd(Path.GetFullPath(directory), true)) Leftovers.Sweep(directory, Prefix);
        try
        {
            return new(File.OpenHandle(Path.Combine(directory, Leftovers.Name(Prefix, ".blob")),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose), directory);
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            throw Full(directory, e);
        }
    }

    public async Task AppendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await RandomAccess.WriteAsync(_file, bytes, Length, cancellationToken);
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            throw Full(_directory, e);
        }
        Length += bytes.Length;
    }

    /// <summary><paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
    public async Task<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        byte[] bytes = new byte[count];
        for (int done = 0; done < count;)
        {
            int read = await RandomAccess.ReadAsync(_file, bytes.AsMemory(done), offset + done, cancellationToken);
            if (read == 0) throw new IOException("the upload's spool file is shorter than the bytes written to it");
            done += read;
        }
        return bytes;
    }

    /// <summary>Everything spooled, as a request body that can be sent again.</summary>
    public HttpContent Content() => new SpoolContent(_file, 0, Length);

    public void Dispose() => _file.Dispose();

    private static TkoException Full(string directory, IOException e) =>
        new($"{directory}: the disk is full, so the upload cannot be spooled there; free space or give --tmp a directory on a larger disk", e);
}
