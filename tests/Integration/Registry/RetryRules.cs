using System.Diagnostics;
using System.Net;
using System.Text;
using Tko.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// Retry rules a real registry cannot be made to show, against a scripted message handler in
/// place of the network: a 503 then success, a 429 with Retry-After, a bounded number of attempts,
/// and a streaming body that is never sent twice.
/// </summary>
public sealed class RetryRules
{
    private static readonly byte[] Manifest = Encoding.UTF8.GetBytes(
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:" + new string('0', 64) + "\",\"size\":2},\"layers\":[]}");

    /// <summary>Answers /v2/ with 200 and manifest requests with the scripted statuses, then with the manifest.</summary>
    private sealed class ScriptedNetwork(params HttpResponseMessage[] script) : HttpMessageHandler
    {
        private int _next;

        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests) Requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            if (request.RequestUri!.AbsolutePath == "/v2/") return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
            int at = Interlocked.Increment(ref _next) - 1;
            HttpResponseMessage response = at < script.Length ? script[at] : Ok();
            response.RequestMessage = request;
            return Task.FromResult(response);
        }

        public static HttpResponseMessage Ok()
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Manifest) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(MediaTypes.OciManifest);
            return response;
        }
    }

    private static RegistryClient Client(HttpMessageHandler network, int attempts = 4) =>
        new(new TestClients().Options() with { MaxAttempts = attempts, RetryBaseDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromSeconds(5) }, network, null);

    [Fact]
    public async Task Service_unavailable_then_success_is_retried()
    {
        var network = new ScriptedNetwork(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), new HttpResponseMessage(HttpStatusCode.BadGateway));
        using RegistryClient client = Client(network);

        RemoteManifest manifest = await client.GetManifestAsync(ImageReference.Parse("registry.test/app:v1"));

        Assert.Equal(Digest.OfContent(Manifest), manifest.Descriptor.Digest);
        Assert.Equal(3, network.Requests.Count(r => r.Contains("/manifests/")));
    }

    [Fact]
    public async Task Too_many_requests_waits_for_retry_after()
    {
        var limited = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
        var network = new ScriptedNetwork(limited);
        using RegistryClient client = Client(network);
        var clock = Stopwatch.StartNew();

        await client.GetManifestAsync(ImageReference.Parse("registry.test/app:v1"));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"waited only {clock.Elapsed}");
        Assert.Equal(2, network.Requests.Count(r => r.Contains("/manifests/")));
    }

    [Fact]
    public async Task Attempts_are_bounded_and_the_failure_says_it_is_transient()
    {
        var network = new ScriptedNetwork([.. Enumerable.Range(0, 10).Select(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError))]);
        using RegistryClient client = Client(network, attempts: 3);

        var failure = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(ImageReference.Parse("registry.test/app:v1")));

        Assert.Equal(3, network.Requests.Count(r => r.Contains("/manifests/")));
        Assert.True(failure.IsTransient);
        Assert.Equal(500, failure.StatusCode);
        Assert.Equal("GET", failure.Method);
    }

    [Fact]
    public async Task Streaming_body_is_never_sent_twice()
    {
        var network = new ScriptedNetwork(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using RegistryTransport transport = RegistryTransport.Create(new TestClients().Options() with { RetryBaseDelay = TimeSpan.FromMilliseconds(5) }, network);
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://registry.test/v2/app/blobs/uploads/x?digest=sha256:00")
        {
            Content = new StreamContent(new MemoryStream([1, 2, 3])),
        };

        using HttpResponseMessage response = await transport.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Single(network.Requests);
    }
}
