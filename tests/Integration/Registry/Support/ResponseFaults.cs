using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Tko.Integration.Registry;

/// <summary>
/// The downward half of a <see cref="FaultRelay"/> connection: passes the registry's bytes to the
/// client, and when a request was marked, cuts or trickles that request's response after its headers.
/// </summary>
internal sealed class ResponseFaults(NetworkStream fromServer, TcpClient client, TcpClient server, StrongBox<RelayFault> pending, TimeSpan trickleDelay, CancellationToken stop)
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    public async Task PumpAsync()
    {
        NetworkStream toClient = client.GetStream();
        byte[] buffer = new byte[64 << 10];
        var held = new List<byte>();
        try
        {
            int read;
            while ((read = await fromServer.ReadAsync(buffer, stop)) > 0)
            {
                RelayFault fault = pending.Value;
                if (fault == RelayFault.None)
                {
                    await toClient.WriteAsync(buffer.AsMemory(0, read), stop);
                    continue;
                }
                held.AddRange(buffer.AsSpan(0, read));
                int end = held.ToArray().AsSpan().IndexOf(HeaderEnd);
                if (end < 0) continue;
                int bodyStart = end + HeaderEnd.Length;
                byte[] bytes = [.. held];
                if (fault == RelayFault.CutResponse)
                {
                    int body = bytes.Length - bodyStart;
                    if (body < 2) continue;
                    await toClient.WriteAsync(bytes.AsMemory(0, bodyStart + body / 2), stop);
                    FaultRelay.Abort(client, server);
                    return;
                }
                await toClient.WriteAsync(bytes.AsMemory(0, bodyStart), stop);
                await TrickleAsync(toClient, bytes.AsMemory(bodyStart));
                while ((read = await fromServer.ReadAsync(buffer, stop)) > 0)
                    await TrickleAsync(toClient, buffer.AsMemory(0, read));
                return;
            }
            client.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private async Task TrickleAsync(NetworkStream toClient, ReadOnlyMemory<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            await Task.Delay(trickleDelay, stop);
            await toClient.WriteAsync(bytes.Slice(i, 1), stop);
        }
    }
}
