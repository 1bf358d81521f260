using Microsoft.Win32.SafeHandles;

namespace Tko.Registry;

/// <summary>
/// Every byte of one upload kept in a temporary file (deleted when closed), so that an interrupted
/// upload resumes, a lost session starts again, or the blob goes whole, without asking its producer again.
/// </summary>
internal sealed class UploadSpool : IDisposable
{
    private readonly SafeFileHandle _file;

    private UploadSpool(SafeFileHandle file) => _file = file;

    /// <summary>Bytes appended so far.</summary>
    public long Length { get; private set; }

    /// <summary>A new, empty spool file in <paramref name="directory"/> (null: the system's temporary directory).</summary>
    public static UploadSpool Create(string? directory) =>
        new(File.OpenHandle(Path.Combine(directory ?? Path.GetTempPath(), $"tko-upload-{Guid.NewGuid():N}.blob"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose));

    public async Task AppendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await RandomAccess.WriteAsync(_file, bytes, Length, cancellationToken);
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
}
