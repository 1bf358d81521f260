namespace Tko.FileSystem;

/// <summary>What <c>lstat</c> says of one path: its kind, permission bits (including setuid, setgid, sticky) and size.</summary>
public sealed record FileStatus(FileKind Kind, UnixFileMode Mode, long Size);
