using System.Collections.Concurrent;
using System.Net;

namespace Tko.Registry;

/// <summary>
/// Finds how to speak to each registry host, once per client: pings <c>/v2/</c> over HTTPS, and over
/// plain HTTP when that is allowed (loopback, insecure registries) and the host did not present a
/// certificate. The ping's challenge teaches the authentication handler which scheme the registry uses.
/// </summary>
internal sealed class RegistryEndpoints(RegistryTransport transport)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Uri>>> _bases = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The base URL (<c>scheme://host[:port]/</c>) of <paramref name="host"/>.</summary>
    public Task<Uri> BaseUriAsync(string host, CancellationToken cancellationToken)
    {
        Lazy<Task<Uri>> ping = _bases.GetOrAdd(host, h => new Lazy<Task<Uri>>(() => PingAsync(h, cancellationToken)));
        Task<Uri> task = ping.Value;
        if (task.IsCompleted && !task.IsCompletedSuccessfully) _bases.TryRemove(new KeyValuePair<string, Lazy<Task<Uri>>>(host, ping));
        return task;
    }

    private async Task<Uri> PingAsync(string host, CancellationToken cancellationToken)
    {
        string[] schemes = transport.Insecure.AllowsPlainHttp(host) ? ["https", "http"] : ["https"];
        string hostOnly = InsecureRegistries.HostOf(host);
        for (int i = 0; ; i++)
        {
            var ping = new Uri($"{schemes[i]}://{host}/v2/");
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, ping);
                using HttpResponseMessage response = await transport.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized && AuthChallenge.FromResponse(response) is { } challenge)
                    transport.Challenges.Set(Origin.Of(ping), challenge);
                transport.Origins.Set(host, Origin.Of(ping));
                return new Uri($"{schemes[i]}://{host}/");
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                string? tlsFailure = schemes[i] == "https" ? transport.Trust.FailureFor(hostOnly) : null;
                if (tlsFailure is null && i + 1 < schemes.Length) continue;
                var failure = new RegistryFailure("GET", transport.Redactor.Url(ping), null, [], TransientFailures.IsTransient(e));
                string problem = tlsFailure is not null
                    ? $"TLS with {host} failed: {tlsFailure}; add its CA certificate (SSL_CERT_FILE or SSL_CERT_DIR), or for a test registry name it an insecure registry"
                    : $"cannot reach the registry at {transport.Redactor.Url(ping)} ({transport.Redactor.Text(Innermost(e))}); check the registry address and that it is running";
                throw new RegistryUnreachableException(host, problem, failure, e);
            }
        }
    }

    internal static string Innermost(Exception e)
    {
        while (e.InnerException is not null && e is HttpRequestException) e = e.InnerException;
        return e.Message;
    }
}
