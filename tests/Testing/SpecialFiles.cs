using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Tko.Testing;

/// <summary>File types a layer cannot carry, made for real so tests see what <c>lstat</c> sees.</summary>
public static class SpecialFiles
{
    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MkFifo(string path, uint mode);

    /// <summary>Makes a named pipe at <paramref name="path"/> (mode 0644).</summary>
    public static void CreateFifo(string path)
    {
        if (MkFifo(path, 0b110_100_100) != 0)
            throw new IOException($"mkfifo {path}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
    }

    /// <summary>Binds a Unix domain socket at <paramref name="path"/>; the socket file stays while the returned socket is open.</summary>
    public static Socket CreateSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
