using System.Net;

namespace Tko.Testing.Registry;

/// <summary>An HttpListener on a free port of 127.0.0.1 (or another loopback address, e.g. 127.0.0.2 as a second host) that hands each request to a handler and records it.</summary>
public sealed class LoopbackListener : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, Task<int>> _handle;
    private readonly Task _serving;
    private readonly Lock _lock = new();
    private readonly List<ProxiedRequest> _requests = [];

    private LoopbackListener(HttpListener listener, IPAddress address, int port, Func<HttpListenerContext, Task<int>> handle)
    {
        (_listener, _handle) = (listener, handle);
        Host = $"{address}:{port}";
        _serving = Task.Run(ServeAsync);
    }

    public string Host { get; }

    public Uri BaseUri => new($"http://{Host}/");

    private int _inFlight;

    /// <summary>
    /// Every request answered so far. A handler records its request just after the client has the
    /// response, so this waits (briefly) for handlers still finishing before it reads.
    /// </summary>
    public IReadOnlyList<ProxiedRequest> Requests
    {
        get
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref _inFlight) == 0, TimeSpan.FromSeconds(5));
            lock (_lock) return [.. _requests];
        }
    }

    /// <summary>Starts listening; <paramref name="handle"/> answers a request and returns the status it sent (0 for a dropped connection).</summary>
    public static LoopbackListener Start(Func<HttpListenerContext, Task<int>> handle, IPAddress? address = null)
    {
        address ??= IPAddress.Loopback;
        for (int attempt = 1; ; attempt++)
        {
            int port = FreePort.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://{address}:{port}/");
            try
            {
                listener.Start();
                return new LoopbackListener(listener, address, port, handle);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Interlocked.Increment(ref _inFlight);
            _ = Task.Run(async () =>
            {
                string method = context.Request.HttpMethod, path = context.Request.RawUrl ?? "";
                bool auth = context.Request.Headers["Authorization"] is not null;
                int status;
                try
                {
                    status = await _handle(context);
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException or InvalidOperationException or HttpRequestException)
                {
                    status = 0;
                }
                lock (_lock) _requests.Add(new ProxiedRequest(method, path, auth, status));
                Interlocked.Decrement(ref _inFlight);
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }
}
