using System.Net;
using System.Net.Sockets;

namespace Tko.Testing.Registry;

/// <summary>
/// A loopback port that was free a moment ago: the kernel picks one for a socket bound to port 0,
/// which is then released for the server to bind. Another process may take it in between, so
/// callers retry on "address already in use".
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
