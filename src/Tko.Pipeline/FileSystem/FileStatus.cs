namespace Tko;

/// <summary>What <c>lstat</c> says of one path: its kind, permission bits (including setuid, setgid, sticky), size and owner.</summary>
public sealed record FileStatus(FileKind Kind, UnixFileMode Mode, long Size)
{
    /// <summary>The owning user id.</summary>
    public int Uid { get; init; }

    /// <summary>The owning group id.</summary>
    public int Gid { get; init; }
}
