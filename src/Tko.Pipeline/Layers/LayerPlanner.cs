using System.Collections.Immutable;
using System.Text;
using Tko.Layers;

namespace Tko;

/// <summary>
/// Decides a layer's entries from a source snapshot: a pure function, so the same tree and options
/// give the same entries whatever order the files were created in or when.
/// </summary>
public static class LayerPlanner
{
    private const UnixFileMode ParentDirectoryMode = (UnixFileMode)0b111_101_101; // 0755

    /// <summary>
    /// An owner id that keeps each entry's id from the source tree, as -1 leaves an id unchanged
    /// in <c>chown(2)</c>; the destination's parents, which are not in the source, stay root's.
    /// </summary>
    public const int SourceOwner = -1;

    /// <summary>
    /// Plans the entries: the destination's parent directories first (0755, so runtimes do not
    /// invent them 0700), then the destination itself, then every source object below it, all in
    /// UTF-8 ordinal order of the path. Every entry is owned by <paramref name="uid"/>:<paramref name="gid"/>;
    /// <see cref="SourceOwner"/> keeps the source's id instead. Permission bits follow <paramref name="modes"/>
    /// (<see cref="FileModes.Normalised"/> unless told otherwise).
    /// </summary>
    public static ImmutableArray<LayerEntry> Plan(SourceSnapshot snapshot, string destPath, int uid, int gid, FileModes modes)
    {
        var entryModes = new EntryModes(modes);
        IReadOnlyList<string> segments = DestinationPath.Segments(destPath);
        string prefix = string.Join('/', segments);
        var entries = new List<(byte[] SortKey, LayerEntry Entry)>(snapshot.Entries.Length + segments.Count);

        for (int depth = 1; depth <= segments.Count; depth++)
        {
            string path = string.Join('/', segments.Take(depth));
            bool destination = depth == segments.Count;
            UnixFileMode mode = destination ? entryModes.ForRoot(snapshot.RootMode) : ParentDirectoryMode;
            (int entryUid, int entryGid) = destination
                ? Owner(uid, gid, snapshot.RootUid, snapshot.RootGid)
                : (Math.Max(uid, 0), Math.Max(gid, 0));
            entries.Add((Encoding.UTF8.GetBytes(path), new LayerEntry(path + "/", LayerEntryKind.Directory, mode, 0, null, null, entryUid, entryGid)));
        }

        foreach (SourceEntry source in snapshot.Entries)
        {
            string path = prefix.Length == 0 ? source.RelativePath : prefix + "/" + source.RelativePath;
            (int entryUid, int entryGid) = Owner(uid, gid, source.Uid, source.Gid);
            entries.Add((Encoding.UTF8.GetBytes(path), ToEntry(source, path, entryUid, entryGid, entryModes)));
        }

        // UTF-8 byte order, keyed once per entry rather than encoded on every comparison.
        entries.Sort((a, b) => a.SortKey.AsSpan().SequenceCompareTo(b.SortKey));
        return entries.Select(e => e.Entry).ToImmutableArray();
    }

    private static (int Uid, int Gid) Owner(int uid, int gid, int sourceUid, int sourceGid) =>
        (uid == SourceOwner ? sourceUid : uid, gid == SourceOwner ? sourceGid : gid);

    private static LayerEntry ToEntry(SourceEntry source, string path, int uid, int gid, EntryModes modes) => source.Kind switch
    {
        FileKind.Directory => new LayerEntry(path + "/", LayerEntryKind.Directory, modes.For(source.Kind, source.Mode, source.RelativePath), 0, null, null, uid, gid),
        FileKind.Regular => new LayerEntry(path, LayerEntryKind.File, modes.For(source.Kind, source.Mode, source.RelativePath), source.Size, null, source.FullPath, uid, gid),
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
