using System.Net;
using System.Net.Sockets;

namespace Tko.Integration.Registry;

/// <summary>A 127.0.0.1 port nobody listens on right now.</summary>
internal static class UnusedPort
{
    public static int Next()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
