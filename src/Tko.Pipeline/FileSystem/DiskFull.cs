namespace Tko.FileSystem;

/// <summary>Recognises "no space left on device" (and an exhausted quota) among I/O errors, so it can be reported as what it is.</summary>
internal static class DiskFull
{
    private const int Enospc = 28, Edquot = 122;
    private const int WindowsDiskFull = unchecked((int)0x80070070), WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>True when <paramref name="error"/> says the file system has no room left.</summary>
    /// <remarks>.NET on Unix puts the errno in HResult; on Windows it is the HRESULT of ERROR_DISK_FULL.</remarks>
    public static bool Is(IOException error) =>
        error.HResult is Enospc or Edquot or WindowsDiskFull or WindowsHandleDiskFull;
}
