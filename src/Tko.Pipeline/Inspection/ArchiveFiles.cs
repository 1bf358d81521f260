using System.Formats.Tar;
using Microsoft.Win32.SafeHandles;

namespace Tko.Inspection;

/// <summary>
/// The members of an image tarball (<c>docker save</c>, <c>podman save</c>, tko's LOCAL_FILE, the
/// .NET SDK's <c>ContainerArchiveOutputPath</c>), found by one pass over its headers and then read
/// in place: nothing is extracted and no member is held in memory.
/// </summary>
internal sealed class ArchiveFiles : ILayoutFiles
{
    private readonly SafeFileHandle _file;
    private readonly Dictionary<string, (long Offset, long Length)> _members;

    private ArchiveFiles(SafeFileHandle file, Dictionary<string, (long, long)> members) => (_file, _members) = (file, members);

    public static ArchiveFiles Open(string path, string shown)
    {
        SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            return new ArchiveFiles(file, Index(path, file, shown));
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static Dictionary<string, (long, long)> Index(string path, SafeFileHandle file, string shown)
    {
        Span<byte> magic = stackalloc byte[2];
        if (RandomAccess.Read(file, magic, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            throw new TkoException($"{shown}: the tarball is gzip-compressed; decompress it first (gunzip), as docker load does not read it compressed either");
        var members = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        // A stream of its own: a FileStream made on the handle would close it when disposed.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            using var reader = new TarReader(stream, leaveOpen: true);
            while (reader.GetNextEntry(copyData: false) is { } entry)
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile)
                    members[Normalize(entry.Name)] = (entry.DataOffset, entry.Length);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new TkoException($"{shown}: not a readable tar file ({e.Message}); give an image tarball written by docker save, podman save or tko", e);
        }
        return members;
    }

    private static string Normalize(string name) => name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name.TrimStart('/');

    public bool Exists(string name) => _members.ContainsKey(name);

    public Stream Open(string name)
    {
        (long offset, long length) = _members[name];
        return new FileSlice(_file, offset, length);
    }

    public void Dispose() => _file.Dispose();
}
