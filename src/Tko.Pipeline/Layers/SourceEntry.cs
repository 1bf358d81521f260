namespace Tko;

/// <summary>One object found in the source tree, as <c>lstat</c> saw it.</summary>
/// <param name="RelativePath">Path below the source root, '/'-separated, never empty.</param>
/// <param name="FullPath">Absolute path on disk, for reading the content.</param>
/// <param name="Kind">The file type.</param>
/// <param name="Mode">Permission bits including setuid, setgid and sticky.</param>
/// <param name="Size">Size in bytes of a regular file (0 otherwise).</param>
/// <param name="LinkTarget">The text of a symlink, kept as written and never followed.</param>
public sealed record SourceEntry(string RelativePath, string FullPath, FileKind Kind, UnixFileMode Mode, long Size, string? LinkTarget)
{
    /// <summary>The owning user id on disk, used only when a build keeps the source's owners.</summary>
    public int Uid { get; init; }

    /// <summary>The owning group id on disk, used only when a build keeps the source's owners.</summary>
    public int Gid { get; init; }
}
