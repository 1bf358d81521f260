using System.Collections.Immutable;
using Tko.FileSystem;

namespace Tko;

/// <summary>
/// Lists a source tree without following links. The listing is the only I/O of planning; what goes
/// into the layer and in which order is decided by <see cref="LayerPlanner"/> from this snapshot.
/// </summary>
public static class SourceScanner
{
    /// <summary>Lists every object below <paramref name="root"/> (the root itself excluded), dot files included.</summary>
    public static SourceSnapshot Scan(string root)
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("tko reads file types, modes and owners with Linux's statx; run it on Linux (on macOS or Windows, in a Linux container or WSL)");
        string fullRoot = Path.GetFullPath(root);
        FileStatus rootStatus = StatusOf(fullRoot, root, isRoot: true);
        if (rootStatus.Kind == FileKind.Symlink)
            rootStatus = Lstat.Of(Path.GetFullPath(ResolveRoot(fullRoot, root)));
        if (rootStatus.Kind != FileKind.Directory)
            throw new SourceException(root, "the source must be a directory of build artifacts, not a file");

        var entries = ImmutableArray.CreateBuilder<SourceEntry>();
        Walk(fullRoot, "", entries);
        return new SourceSnapshot(fullRoot, rootStatus.Mode, entries.ToImmutable()) { RootUid = rootStatus.Uid, RootGid = rootStatus.Gid };
    }

    private static string ResolveRoot(string fullRoot, string shown) =>
        new DirectoryInfo(fullRoot).ResolveLinkTarget(returnFinalTarget: true)?.FullName
        ?? throw new SourceException(shown, "the source is a symlink that cannot be resolved");

    private static void Walk(string directory, string relative, ImmutableArray<SourceEntry>.Builder into)
    {
        IEnumerable<string> names;
        try
        {
            names = Directory.EnumerateFileSystemEntries(directory).ToArray();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SourceException(directory, "cannot list this directory (permission denied); make it readable", e);
        }
        catch (IOException e)
        {
            throw new SourceException(directory, $"cannot list this directory ({e.Message})", e);
        }

        foreach (string fullPath in names)
        {
            string name = Path.GetFileName(fullPath);
            string relativePath = relative.Length == 0 ? name : relative + "/" + name;
            FileStatus status = StatusOf(fullPath, fullPath, isRoot: false);
            string? linkTarget = status.Kind == FileKind.Symlink ? new FileInfo(fullPath).LinkTarget : null;
            long size = status.Kind == FileKind.Regular ? status.Size : 0;
            into.Add(new SourceEntry(relativePath, fullPath, status.Kind, status.Mode, size, linkTarget) { Uid = status.Uid, Gid = status.Gid });
            if (status.Kind == FileKind.Directory)
                Walk(fullPath, relativePath, into);
        }
    }

    private static FileStatus StatusOf(string fullPath, string shown, bool isRoot)
    {
        try
        {
            return Lstat.Of(fullPath);
        }
        catch (IOException e) when (e.HResult == 2 && isRoot)
        {
            throw new SourceException(shown, "the source directory does not exist", e);
        }
        catch (IOException e)
        {
            throw new SourceException(shown, $"cannot read its status ({e.Message})", e);
        }
    }
}
