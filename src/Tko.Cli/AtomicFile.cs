namespace Tko.Cli;

/// <summary>
/// Writes a file so that a reader sees the old content or the whole new one, never a part: into
/// a temporary file in the same directory (so the rename stays on one file system), flushed, then renamed over.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, byte[] content)
    {
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.tko-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(content);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
