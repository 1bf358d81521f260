using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text;

namespace Tko.Daemon;

/// <summary>
/// The two Docker Engine API calls a LOCAL_DAEMON build makes, over a Unix socket or plain TCP:
/// <c>GET /_ping</c> before anything is built, and <c>POST /images/load</c> with a docker tarball.
/// Paths carry no API version, so the daemon answers with its own (Docker and Podman both accept that).
/// </summary>
internal sealed class DockerEngineClient : IDisposable
{
    // A daemon that accepts the connection but never answers the ping is as good as absent.
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(30);

    // Enough of an error body to quote; a daemon's error is a short JSON object.
    private const int MaxErrorBody = 64 * 1024;

    private readonly DockerHost _host;
    private readonly HttpClient _http;

    public DockerEngineClient(DockerHost host)
    {
        _host = host;
        var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false };
        if (host.SocketPath is { } socketPath)
            handler.ConnectCallback = (_, cancellationToken) => ConnectUnixAsync(socketPath, cancellationToken);
        // Loading a large image takes as long as it takes; the caller's token bounds it.
        _http = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Checks a daemon answers; throws a <see cref="DaemonException"/> saying how to start one when none does.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(PingTimeout);
        try
        {
            using HttpResponseMessage response = await _http.GetAsync("_ping", limit.Token);
            if (!response.IsSuccessStatusCode)
                throw Refused($"answers GET /_ping with {(int)response.StatusCode} {await ErrorTextAsync(response, limit.Token)}");
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(e.InnerException?.Message ?? e.Message, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable($"no answer to GET /_ping in {PingTimeout.TotalSeconds:0} s", e);
        }
    }

    /// <summary>
    /// Sends <paramref name="tarball"/> (read as it is sent, never held in memory) to <c>POST /images/load</c>
    /// and reads the daemon's messages; returns what it reported (e.g. <c>Loaded image: NAME:TAG</c>).
    /// </summary>
    public async Task<IReadOnlyList<string>> LoadAsync(Stream tarball, CancellationToken cancellationToken)
    {
        var content = new StreamContent(tarball, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-tar");
        if (tarball.CanSeek) content.Headers.ContentLength = tarball.Length - tarball.Position;
        using var request = new HttpRequestMessage(HttpMethod.Post, "images/load?quiet=1") { Content = content };
        try
        {
            using HttpResponseMessage response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw Refused($"refused the image ({(int)response.StatusCode}): {await ErrorTextAsync(response, cancellationToken)}");
            return await ReadMessagesAsync(response, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new DaemonException(_host.Address, $"the Docker daemon at {_host.Description} dropped the connection while loading the image ({e.InnerException?.Message ?? e.Message})", e);
        }
    }

    // A 200 answer is a stream of JSON messages; an error can still arrive as one of them.
    private async Task<IReadOnlyList<string>> ReadMessagesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var reported = new List<string>();
        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            await foreach (DaemonMessage? message in JsonSerializer.DeserializeAsyncEnumerable(body, DaemonJsonContext.Default.DaemonMessage, topLevelValues: true, cancellationToken))
            {
                if (message?.Failure is { } failure) throw Refused($"refused the image: {OneLine(failure)}");
                if (message?.Stream is { Length: > 0 } text) reported.Add(text.Trim());
            }
        }
        catch (JsonException e)
        {
            throw new DaemonException(_host.Address, $"the Docker daemon at {_host.Description} answered the load with something other than JSON messages ({e.Message})", e);
        }
        return reported;
    }

    private static async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using Stream body = await response.Content.ReadAsStreamAsync(cancellationToken);
        byte[] buffer = new byte[MaxErrorBody];
        int length = 0, read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            length += read;
        string text = Encoding.UTF8.GetString(buffer, 0, length);
        try
        {
            if (JsonSerializer.Deserialize(text, DaemonJsonContext.Default.DaemonMessage) is { } message
                && (message.Message ?? message.Failure) is { Length: > 0 } said)
                return OneLine(said);
        }
        catch (JsonException)
        {
            // Not JSON: quote the text as it came.
        }
        return text.Length > 0 ? OneLine(text) : response.ReasonPhrase ?? "no reason given";
    }

    private DaemonException Refused(string problem) =>
        new(_host.Address, $"the Docker daemon at {_host.Description} {problem}");

    private DaemonException Unreachable(string reason, Exception inner) => new(_host.Address,
        $"no Docker daemon answers at {_host.Description}: {reason}; start Docker or Podman's API service (podman system service), or set {DockerHost.Variable} to where one listens",
        inner);

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static async ValueTask<Stream> ConnectUnixAsync(string socketPath, CancellationToken cancellationToken)
    {
        // The socket error for a missing file reads "Cannot assign requested address"; say what is wrong instead.
        if (!File.Exists(socketPath)) throw new IOException($"there is no socket at {socketPath}");
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}
