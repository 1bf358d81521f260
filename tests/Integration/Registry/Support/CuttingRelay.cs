using System.Net;
using System.Net.Sockets;
using System.Text;
using Tko.Testing.Registry;

namespace Tko.Integration.Registry;

/// <summary>
/// A TCP relay in front of a test registry that resets the connection carrying the Nth PATCH
/// request after part of its body, without passing any of that request on: the registry never sees
/// it, and the client sees a connection lost mid-upload.
/// </summary>
internal sealed class CuttingRelay : IAsyncDisposable
{
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("PATCH /v2/");
    private readonly TcpListener _listener;
    private readonly IPEndPoint _upstream;
    private readonly int _cutPatch;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _patches;

    private CuttingRelay(RegistryServer registry, int cutPatch)
    {
        _upstream = IPEndPoint.Parse(registry.Host);
        _cutPatch = cutPatch;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public string Host => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>How many connections were reset.</summary>
    public int Cuts { get; private set; }

    public static CuttingRelay Start(RegistryServer registry, int cutPatch) => new(registry, cutPatch);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_upstream, _stop.Token);
                NetworkStream fromClient = client.GetStream(), toServer = server.GetStream();
                Task back = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                byte[] buffer = new byte[64 << 10];
                var window = new List<byte>();
                int read;
                while ((read = await fromClient.ReadAsync(buffer, _stop.Token)) > 0)
                {
                    // Look for the marker across reads: keep the last few bytes of the previous read.
                    byte[] seen = [.. window, .. buffer.AsSpan(0, read)];
                    int at = seen.AsSpan().IndexOf(Marker);
                    if (at >= 0 && Interlocked.Increment(ref _patches) == _cutPatch)
                    {
                        int before = at - window.Count;
                        if (before > 0) await toServer.WriteAsync(buffer.AsMemory(0, before), _stop.Token);
                        await fromClient.ReadAtLeastAsync(new byte[256 << 10], 256 << 10, throwOnEndOfStream: false, _stop.Token);
                        Cuts++;
                        client.Client.LingerState = new LingerOption(true, 0);
                        server.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }
                    await toServer.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                    window = [.. seen.AsSpan(Math.Max(0, seen.Length - Marker.Length + 1))];
                }
                server.Client.Shutdown(SocketShutdown.Send);
                await back;
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
        }
        _stop.Dispose();
    }
}
