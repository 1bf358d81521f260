using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Tko.Testing.Registry;

namespace Tko.Integration.Registry;

/// <summary>
/// A TLS-terminating front for a plain-http test registry that, like a TLS proxy sending no
/// <c>X-Forwarded-Proto</c>, leaves the registry believing it is spoken to over http: its upload
/// Locations come back as <c>http://</c> on the front's own host and port. The same port also
/// answers plain http (told apart by the first byte), so a client that follows such a Location is
/// served, and seen. Records each request's scheme and whether it carried Authorization; may
/// rewrite the host of <c>http://</c> Locations in answers to another name.
/// </summary>
internal sealed partial class TlsFront : IAsyncDisposable
{
    private const byte TlsHandshake = 0x16;
    private readonly TcpListener _listener;
    private readonly IPEndPoint _upstream;
    private readonly X509Certificate2 _certificate;
    private readonly string? _locationHost;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly Lock _lock = new();
    private readonly List<FrontRequest> _requests = [];

    private TlsFront(string upstream, string directory, string? locationHost)
    {
        TestCertificateAuthority ca = TestCertificateAuthority.Create(directory);
        CaCertificatePath = ca.CaPath;
        _certificate = X509Certificate2.CreateFromPemFile(ca.ServerCertificatePath, ca.ServerKeyPath);
        _upstream = IPEndPoint.Parse(upstream);
        _locationHost = locationHost;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary><c>127.0.0.1:PORT</c>, as references name the registry.</summary>
    public string Host => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>The CA that signed the front's certificate (for 127.0.0.1 and localhost).</summary>
    public string CaCertificatePath { get; }

    /// <summary>The requests seen so far, https and http alike.</summary>
    public IReadOnlyList<FrontRequest> Requests
    {
        get { lock (_lock) return [.. _requests]; }
    }

    /// <summary>A front in <paramref name="directory"/> (for its certificates); <paramref name="locationHost"/> renames the host of plain-http Locations.</summary>
    public static TlsFront Start(RegistryServer registry, string directory, string? locationHost = null) => new(registry.Host, directory, locationHost);

    /// <summary>A front for a <see cref="RegistryProxy"/> (its quirks, behind TLS).</summary>
    public static TlsFront Start(RegistryProxy proxy, string directory) => new(proxy.Host, directory, null);

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
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                byte[] first = new byte[1];
                if (await client.Client.ReceiveAsync(first, SocketFlags.Peek, _stop.Token) == 0) return;
                Stream inbound = client.GetStream();
                string scheme = "http";
                if (first[0] == TlsHandshake)
                {
                    var tls = new SslStream(inbound);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    (inbound, scheme) = (tls, "https");
                }
                await server.ConnectAsync(_upstream, _stop.Token);
                NetworkStream upstream = server.GetStream();
                await Task.WhenAny(PumpRequestsAsync(inbound, upstream, scheme), PumpAnswersAsync(upstream, inbound));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
            {
            }
        }
    }

    // A request head arrives in one read (the client writes it at once): enough to note what it carried.
    private async Task PumpRequestsAsync(Stream from, Stream to, string scheme)
    {
        byte[] buffer = new byte[64 << 10];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            string text = Encoding.Latin1.GetString(buffer, 0, read);
            foreach (Match head in RequestHead().Matches(text))
                lock (_lock) _requests.Add(new FrontRequest(scheme, head.Groups[1].Value, head.Groups[2].Value, head.Groups[3].Value.Contains("\r\nAuthorization:", StringComparison.OrdinalIgnoreCase)));
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    private async Task PumpAnswersAsync(Stream from, Stream to)
    {
        byte[] buffer = new byte[64 << 10];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            if (_locationHost is null)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
                continue;
            }
            string text = Encoding.Latin1.GetString(buffer, 0, read);
            await to.WriteAsync(Encoding.Latin1.GetBytes(PlainLocation().Replace(text, m => m.Groups[1].Value + _locationHost)), _stop.Token);
        }
    }

    [GeneratedRegex(@"(?:^|\n)(GET|HEAD|POST|PUT|PATCH|DELETE) (\S+) HTTP/1\.1(\r\n(?:[^\r\n]+\r\n)*)\r\n")]
    private static partial Regex RequestHead();

    [GeneratedRegex(@"(\r\nLocation: http://)127\.0\.0\.1", RegexOptions.IgnoreCase)]
    private static partial Regex PlainLocation();

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
        _certificate.Dispose();
        _stop.Dispose();
    }
}

/// <summary>One request a <see cref="TlsFront"/> passed on: over which scheme, and whether it carried Authorization.</summary>
internal sealed record FrontRequest(string Scheme, string Method, string Path, bool HadAuthorization)
{
    public override string ToString() => $"{Scheme} {Method} {Path}{(HadAuthorization ? " (auth)" : "")}";
}
