using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Tko.Testing.Registry;

namespace Tko.Integration.Registry;

/// <summary>
/// A TCP relay in front of a test registry that reads each HTTP/1.1 request line going up and asks
/// its policy what to do to that request (<see cref="RelayFault"/>): cut or trickle the response,
/// reset the connection, answer 503, or refuse connections for a while as a restarting registry
/// does. The client never pipelines, so every byte that comes back after a request belongs to its response.
/// </summary>
internal sealed partial class FaultRelay : IAsyncDisposable
{
    private readonly IPEndPoint _upstream;
    private readonly Func<string, RelayFault> _policy;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, bool> _open = new();
    private readonly ConcurrentQueue<string> _faults = new();
    private readonly int _port;
    private TcpListener _listener;
    private int _restarting;

    private FaultRelay(RegistryServer registry, Func<string, RelayFault> policy)
    {
        (_upstream, _policy) = (IPEndPoint.Parse(registry.Host), policy);
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener);
    }

    public string Host => $"127.0.0.1:{_port}";

    /// <summary>Each fault applied, as "FAULT METHOD PATH".</summary>
    public IReadOnlyList<string> Faults => [.. _faults];

    /// <summary>Delay between the bytes of a trickled body.</summary>
    public TimeSpan TrickleDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a restart refuses connections.</summary>
    public TimeSpan RestartPause { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A relay whose <paramref name="policy"/> gets each request as "METHOD PATH".</summary>
    public static FaultRelay Start(RegistryServer registry, Func<string, RelayFault> policy, TimeSpan? trickleDelay = null, TimeSpan? restartPause = null) =>
        new(registry, policy) { TrickleDelay = trickleDelay ?? TimeSpan.FromSeconds(3), RestartPause = restartPause ?? TimeSpan.FromSeconds(2) };

    /// <summary>A policy that applies <paramref name="fault"/> to the first <paramref name="times"/> requests that <paramref name="matches"/> accepts.</summary>
    public static Func<string, RelayFault> First(Func<string, bool> matches, RelayFault fault, int times = 1)
    {
        int seen = 0;
        return request => matches(request) && Interlocked.Increment(ref seen) <= times ? fault : RelayFault.None;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
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
        using var server = new TcpClient();
        _open[client] = true;
        _open[server] = true;
        var pending = new StrongBox<RelayFault>(RelayFault.None);
        try
        {
            await server.ConnectAsync(_upstream, _stop.Token);
            Task back = new ResponseFaults(server.GetStream(), client, server, pending, TrickleDelay, _stop.Token).PumpAsync();
            NetworkStream fromClient = client.GetStream(), toServer = server.GetStream();
            byte[] buffer = new byte[64 << 10];
            string window = "";
            int read;
            while ((read = await fromClient.ReadAsync(buffer, _stop.Token)) > 0)
            {
                string text = window + Encoding.Latin1.GetString(buffer, 0, read);
                foreach (Match line in RequestLine().Matches(text))
                {
                    if (line.Index + line.Length <= window.Length) continue;
                    RelayFault fault = _policy($"{line.Groups[1].Value} {line.Groups[2].Value}");
                    if (fault == RelayFault.None) continue;
                    _faults.Enqueue($"{fault} {line.Groups[1].Value} {line.Groups[2].Value}");
                    switch (fault)
                    {
                        case RelayFault.CutResponse or RelayFault.TrickleResponse:
                            pending.Value = fault;
                            break;
                        case RelayFault.Reset:
                            Abort(client, server);
                            return;
                        case RelayFault.ServiceUnavailable:
                            await client.GetStream().WriteAsync("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), _stop.Token);
                            client.Client.Shutdown(SocketShutdown.Send);
                            return;
                        case RelayFault.Restart:
                            await RestartAsync();
                            return;
                    }
                }
                await toServer.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                window = text[Math.Max(0, text.Length - 512)..];
            }
            server.Client.Shutdown(SocketShutdown.Send);
            await back;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            _open.TryRemove(client, out _);
            _open.TryRemove(server, out _);
            client.Dispose();
        }
    }

    private async Task RestartAsync()
    {
        if (Interlocked.Exchange(ref _restarting, 1) == 1) return;
        _listener.Stop();
        foreach (TcpClient open in _open.Keys) Abort(open);
        await Task.Delay(RestartPause, _stop.Token);
        var listener = new TcpListener(IPAddress.Loopback, _port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _ = AcceptAsync(listener);
        Volatile.Write(ref _restarting, 0);
    }

    internal static void Abort(params TcpClient[] connections)
    {
        foreach (TcpClient connection in connections)
        {
            // A connection the relay already closed has no socket left to reset.
            if (connection.Client is not { } socket) continue;
            try
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        }
    }

    [GeneratedRegex(@"(GET|HEAD|POST|PATCH|PUT|DELETE) (/v2/[^ \r\n]*) HTTP/1\.1\r\n")]
    private static partial Regex RequestLine();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (TcpClient open in _open.Keys) Abort(open);
        _stop.Dispose();
    }
}
