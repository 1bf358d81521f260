using System.Runtime.InteropServices;

namespace Tko.FileSystem;

/// <summary>
/// <c>statx(2)</c> without following links. The BCL reports fifos, sockets and devices as ordinary
/// files, and a layer must reject them before opening one (opening a fifo blocks forever).
/// statx's buffer layout is the same on every Linux architecture, unlike <c>struct stat</c>.
/// </summary>
internal static partial class Lstat
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1, StatxMode = 0x2, StatxUid = 0x8, StatxGid = 0x10, StatxSize = 0x200;
    private const int StatxBufferSize = 256;
    private const int UidOffset = 20, GidOffset = 24, ModeOffset = 28, SizeOffset = 40;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    /// <summary>Reads the status of <paramref name="path"/>; throws <see cref="IOException"/> naming it on failure.</summary>
    public static unsafe FileStatus Of(string path)
    {
        byte* buffer = stackalloc byte[StatxBufferSize];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxMode | StatxUid | StatxGid | StatxSize, buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException($"{path}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
        }
        ushort mode = *(ushort*)(buffer + ModeOffset);
        long size = *(long*)(buffer + SizeOffset);
        uint uid = *(uint*)(buffer + UidOffset), gid = *(uint*)(buffer + GidOffset);
        return new FileStatus(KindOf(mode), (UnixFileMode)(mode & 0xFFF), size) { Uid = (int)uid, Gid = (int)gid };
    }

    private static FileKind KindOf(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.Symlink,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        var other => throw new IOException($"unknown file type 0{Convert.ToString(other, 8)}"),
    };
}
