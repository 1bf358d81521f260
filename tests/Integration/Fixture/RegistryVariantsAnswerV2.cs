using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Fixture;

/// <summary>Each kind of test registry starts and answers GET /v2/ the way a client will meet it.</summary>
public sealed class RegistryVariantsAnswerV2
{
    private static readonly BasicCredentials Alice = new("alice", "s3cret-pass");

    [Fact]
    public async Task Plain_registry_answers_200_and_logs_the_request()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using var client = new HttpClient(registry.CreateHttpHandler());

        using HttpResponseMessage response = await client.GetAsync(new Uri(registry.BaseUri, "/v2/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry/2.0", Assert.Single(response.Headers.GetValues("Docker-Distribution-Api-Version")));
        Assert.Equal($"http://{registry.Host}/", registry.BaseUri.ToString());
        Assert.Null(registry.CaCertificatePath);
        Assert.Null(registry.TokenServer);
        Assert.True(Directory.Exists(registry.StorageDirectory));
        IReadOnlyList<RegistryRequest> requests = await registry.WaitForRequestsAsync(r => r.Count >= 1);
        Assert.Equal(new RegistryRequest("GET", "/v2/", 200, null), Assert.Single(requests));
        Assert.Contains(registry.LogLines, l => l.Contains($"listening on {registry.Host}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Basic_registry_challenges_with_its_realm_and_accepts_the_user()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Basic: Alice));
        using var client = new HttpClient(registry.CreateHttpHandler());

        using HttpResponseMessage anonymous = await client.GetAsync(new Uri(registry.BaseUri, "/v2/"));
        using var withUser = new HttpRequestMessage(HttpMethod.Get, new Uri(registry.BaseUri, "/v2/"));
        withUser.Headers.Authorization = new AuthenticationHeaderValue("Basic", Alice.HeaderValue);
        using HttpResponseMessage authenticated = await client.SendAsync(withUser);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri(registry.BaseUri, "/v2/"));
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", (Alice with { Password = "nope" }).HeaderValue);
        using HttpResponseMessage refused = await client.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        AuthenticationHeaderValue challenge = Assert.Single(anonymous.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        Assert.Equal("realm=\"tko-test-registry\"", challenge.Parameter);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        await registry.WaitForRequestsAsync(r => r.Select(x => x.Status).SequenceEqual([401, 200, 401]));
    }

    [Fact]
    public async Task Token_registry_challenges_with_bearer_realm_and_service()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(
            new RegistryOptions(Token: TokenAuthOptions.AllowUsers(new Dictionary<string, string> { [Alice.User] = Alice.Password })));
        using var client = new HttpClient(registry.CreateHttpHandler());

        using HttpResponseMessage response = await client.GetAsync(new Uri(registry.BaseUri, "/v2/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        TokenServer token = Assert.IsType<TokenServer>(registry.TokenServer);
        AuthenticationHeaderValue challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal($"realm=\"{token.Realm}\",service=\"{token.Service}\"", challenge.Parameter);
        Assert.Equal("127.0.0.1", token.Realm.Host);
    }

    [Fact]
    public async Task Tls_registry_proves_itself_with_the_test_ca_only()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Tls: true));
        using var trusting = new HttpClient(registry.CreateHttpHandler());
        using var ordinary = new HttpClient();

        using HttpResponseMessage response = await trusting.GetAsync(new Uri(registry.BaseUri, "/v2/"));
        HttpRequestException untrusted = await Assert.ThrowsAsync<HttpRequestException>(() => ordinary.GetAsync(new Uri(registry.BaseUri, "/v2/")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"https://{registry.Host}/", registry.BaseUri.ToString());
        Assert.IsType<AuthenticationException>(untrusted.InnerException);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(registry.CaCertificatePath!));
        Assert.Equal(File.ReadAllText(registry.CaCertificatePath!), File.ReadAllText(Path.Combine(registry.CertificateDirectory!, "ca.crt")));
    }

    [Fact]
    public async Task Dispose_stops_the_registry_and_removes_its_storage()
    {
        RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using var client = new HttpClient(registry.CreateHttpHandler());

        await registry.DisposeAsync();

        Assert.False(Directory.Exists(registry.StorageDirectory));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(registry.BaseUri, "/v2/")));
    }

    [Fact]
    public async Task Basic_and_token_together_are_refused()
    {
        var both = new RegistryOptions(Basic: Alice, Token: TokenAuthOptions.AllowUsers(new Dictionary<string, string>()));

        await Assert.ThrowsAsync<ArgumentException>(() => RegistryServer.StartAsync(both));
    }
}
