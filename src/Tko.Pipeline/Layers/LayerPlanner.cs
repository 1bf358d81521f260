using System.Collections.Immutable;
using System.Text;
using Tko.Errors;
using Tko.FileSystem;

namespace Tko.Layers;

/// <summary>
/// Decides a layer's entries from a source snapshot: a pure function, so the same tree and options
/// give the same entries whatever order the files were created in or when.
/// </summary>
public static class LayerPlanner
{
    private const UnixFileMode ParentDirectoryMode = (UnixFileMode)0b111_101_101; // 0755

    /// <summary>
    /// Plans the entries: the destination's parent directories first (0755, so runtimes do not
    /// invent them 0700), then the destination itself with the source root's mode, then every
    /// source object below it, all in UTF-8 ordinal order of the path.
    /// </summary>
    public static ImmutableArray<LayerEntry> Plan(SourceSnapshot snapshot, string destPath, int uid, int gid)
    {
        IReadOnlyList<string> segments = DestinationPath.Segments(destPath);
        string prefix = string.Join('/', segments);
        var entries = new List<(byte[] SortKey, LayerEntry Entry)>(snapshot.Entries.Length + segments.Count);

        for (int depth = 1; depth <= segments.Count; depth++)
        {
            string path = string.Join('/', segments.Take(depth));
            UnixFileMode mode = depth == segments.Count ? snapshot.RootMode : ParentDirectoryMode;
            entries.Add((Encoding.UTF8.GetBytes(path), new LayerEntry(path + "/", LayerEntryKind.Directory, mode, 0, null, null, uid, gid)));
        }

        foreach (SourceEntry source in snapshot.Entries)
        {
            string path = prefix.Length == 0 ? source.RelativePath : prefix + "/" + source.RelativePath;
            entries.Add((Encoding.UTF8.GetBytes(path), ToEntry(source, path, uid, gid)));
        }

        // UTF-8 byte order, keyed once per entry rather than encoded on every comparison.
        entries.Sort((a, b) => a.SortKey.AsSpan().SequenceCompareTo(b.SortKey));
        return entries.Select(e => e.Entry).ToImmutableArray();
    }

    private static LayerEntry ToEntry(SourceEntry source, string path, int uid, int gid) => source.Kind switch
    {
        FileKind.Directory => new LayerEntry(path + "/", LayerEntryKind.Directory, source.Mode, 0, null, null, uid, gid),
        FileKind.Regular => new LayerEntry(path, LayerEntryKind.File, source.Mode, source.Size, null, source.FullPath, uid, gid),
        FileKind.Symlink => new LayerEntry(path, LayerEntryKind.Symlink, (UnixFileMode)0b111_111_111, 0, source.LinkTarget ?? "", null, uid, gid),
        _ => throw new SourceException(source.FullPath,
            $"is a {Describe(source.Kind)}; a layer holds only files, directories and symlinks, so remove it from the source"),
    };

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Fifo => "fifo (named pipe)",
        FileKind.Socket => "socket",
        FileKind.CharacterDevice => "character device",
        FileKind.BlockDevice => "block device",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
