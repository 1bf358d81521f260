using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Tko.Testing.Registry;

namespace Tko.Integration.Registry;

/// <summary>
/// A real HTTP server in front of a test registry that forwards every request and, as
/// <see cref="ProxyBehaviour"/> asks, refuses PATCH, corrupts manifests, makes Locations
/// relative or points them elsewhere, demands a session cookie, redirects blob downloads to another
/// host, moves the token realm or echoes credentials in an error.
/// </summary>
internal sealed partial class RegistryProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Expect", "Proxy-Connection", "Cookie",
    };

    private readonly RegistryServer _upstream;
    private readonly ProxyBehaviour _behaviour;
    private readonly HttpClient _client;
    private readonly LoopbackListener _listener;

    private RegistryProxy(RegistryServer upstream, ProxyBehaviour behaviour, IPAddress? address)
    {
        (_upstream, _behaviour) = (upstream, behaviour);
        _client = new HttpClient(upstream.CreateHttpHandler());
        _listener = LoopbackListener.Start(HandleAsync, address);
    }

    /// <summary><c>127.0.0.1:PORT</c> of the proxy, as references name it.</summary>
    public string Host => _listener.Host;

    public IReadOnlyList<ProxiedRequest> Requests => _listener.Requests;

    /// <summary>A proxy on a free port of <paramref name="address"/> (127.0.0.1 unless given, e.g. 127.0.0.2 as a second host).</summary>
    public static RegistryProxy Start(RegistryServer upstream, ProxyBehaviour behaviour, IPAddress? address = null) => new(upstream, behaviour, address);

    private async Task<int> HandleAsync(HttpListenerContext context)
    {
        HttpListenerRequest request = context.Request;
        HttpListenerResponse response = context.Response;
        string path = request.RawUrl ?? "/";

        if (request.HttpMethod == "PATCH")
        {
            if (_behaviour.RefusePatch)
            {
                await DrainAsync(request);
                return await AnswerAsync(response, 405, "{\"errors\":[{\"code\":\"UNSUPPORTED\",\"message\":\"chunked uploads are not supported\"}]}");
            }
        }
        if (_behaviour.EchoCredentials && request.HttpMethod == "POST" && path.Contains("/blobs/uploads/", StringComparison.Ordinal)
            && request.Headers["Authorization"] is { } authorization && authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            // A registry that quotes what it was sent, without the scheme word a simple redactor looks for.
            string encoded = authorization[6..];
            string password = Encoding.UTF8.GetString(Convert.FromBase64String(encoded)).Split(':', 2)[1];
            await DrainAsync(request);
            return await AnswerAsync(response, 400,
                $"{{\"errors\":[{{\"code\":\"BLOB_UPLOAD_INVALID\",\"message\":\"credential {encoded} refused (password={Uri.EscapeDataString(password)})\"}}]}}");
        }
        if (_behaviour.RequireUploadCookie && path.Contains("/blobs/uploads/", StringComparison.Ordinal) && request.HttpMethod != "POST"
            && request.Cookies["tko-session"]?.Value != "1")
        {
            await DrainAsync(request);
            return await AnswerAsync(response, 400, "{\"errors\":[{\"code\":\"SESSION\",\"message\":\"no session cookie\"}]}");
        }
        if (_behaviour.RedirectBlobsTo is { } storage && request.HttpMethod == "GET" && BlobPath().Match(path) is { Success: true } blob)
        {
            response.StatusCode = 307;
            response.AddHeader("Location", new Uri(storage, "blobs/" + blob.Groups[1].Value).ToString());
            response.Close();
            return 307;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), new Uri(_upstream.BaseUri, path));
        if (request.HasEntityBody || request.ContentLength64 > 0)
        {
            using var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body);
            forward.Content = new ByteArrayContent(body.ToArray());
        }
        foreach (string name in request.Headers.AllKeys.OfType<string>())
        {
            if (HopHeaders.Contains(name)) continue;
            string? value = request.Headers[name];
            if (!forward.Headers.TryAddWithoutValidation(name, value)) forward.Content?.Headers.TryAddWithoutValidation(name, value);
        }

        using HttpResponseMessage answer = await _client.SendAsync(forward);
        response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (HopHeaders.Contains(header.Key)) continue;
            foreach (string value in header.Value)
            {
                if (header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) response.ContentType = value;
                else if (header.Key.Equals("Location", StringComparison.OrdinalIgnoreCase)) response.AddHeader("Location", Relocate(value));
                else if (header.Key.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase) && _behaviour.RealmHost is { } realmHost)
                    response.AddHeader(header.Key, RealmUrl().Replace(value, m => m.Groups[1].Value + realmHost));
                else response.AddHeader(header.Key, value);
            }
        }
        if (_behaviour.RequireUploadCookie && request.HttpMethod == "POST" && answer.StatusCode == HttpStatusCode.Accepted)
            response.AddHeader("Set-Cookie", "tko-session=1; Path=/");
        byte[] bytes = await answer.Content.ReadAsByteArrayAsync();
        if (_behaviour.CorruptManifests && request.HttpMethod == "GET" && path.Contains("/manifests/", StringComparison.Ordinal) && answer.IsSuccessStatusCode)
            bytes[Array.IndexOf(bytes, (byte)'"') + 1] ^= 0x01;
        if (request.HttpMethod == "HEAD")
        {
            if (answer.Content.Headers.ContentLength is { } length) response.ContentLength64 = length;
            response.Close();
        }
        else
        {
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        return (int)answer.StatusCode;
    }

    private string Relocate(string location)
    {
        if (!Uri.TryCreate(location, UriKind.Absolute, out Uri? absolute) || absolute.Authority != _upstream.BaseUri.Authority) return location;
        if (_behaviour.RelocateTo is { } elsewhere) return new Uri(elsewhere, absolute.PathAndQuery).ToString();
        return _behaviour.RelativeLocations ? absolute.PathAndQuery : $"http://{Host}{absolute.PathAndQuery}";
    }

    private static async Task DrainAsync(HttpListenerRequest request) => await request.InputStream.CopyToAsync(Stream.Null);

    private static async Task<int> AnswerAsync(HttpListenerResponse response, int status, string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
        return status;
    }

    [GeneratedRegex(@"(realm=""[a-z]+://)[^:/""]+")]
    private static partial Regex RealmUrl();

    [GeneratedRegex(@"^/v2/.+/blobs/sha256:([0-9a-f]{64})$")]
    private static partial Regex BlobPath();

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        _client.Dispose();
    }
}
