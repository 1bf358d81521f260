using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Fixture;

/// <summary>The token server's tokens are ones distribution 2.8 accepts, for exactly what was granted.</summary>
public sealed class TokenServerIssuesRegistryTokens
{
    private static readonly BasicCredentials Alice = new("alice", "s3cret-pass");
    private static readonly Dictionary<string, string> Users = new() { [Alice.User] = Alice.Password };

    [Fact]
    public async Task A_pull_push_token_lets_a_blob_be_put_monolithically()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Token: TokenAuthOptions.AllowUsers(Users)));
        TokenServer tokens = registry.TokenServer!;
        using var client = new HttpClient(registry.CreateHttpHandler());
        byte[] blob = "tiny blob"u8.ToArray();
        string digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(blob));

        JsonElement answer = await GetTokenAsync(client, tokens, "repository:tiny:pull,push", Alice);
        string token = answer.GetProperty("token").GetString()!;
        using HttpResponseMessage started = await SendAsync(client, HttpMethod.Post, new Uri(registry.BaseUri, "/v2/tiny/blobs/uploads/"), token);
        Uri location = started.Headers.Location!;
        using HttpResponseMessage put = await SendAsync(client, HttpMethod.Put, new Uri($"{location}&digest={digest}"), token, new ByteArrayContent(blob));
        using HttpResponseMessage head = await SendAsync(client, HttpMethod.Head, new Uri(registry.BaseUri, $"/v2/tiny/blobs/{digest}"), token);

        Assert.Equal(token, answer.GetProperty("access_token").GetString());
        Assert.Equal(300, answer.GetProperty("expires_in").GetInt32());
        Assert.True(DateTimeOffset.TryParse(answer.GetProperty("issued_at").GetString(), out _));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(blob.Length, head.Content.Headers.ContentLength);
        Assert.Equal(1, tokens.TokensIssued);
        Assert.Equal(["repository:tiny:pull,push"], tokens.RequestedScopes);
        await registry.WaitForRequestsAsync(r => r.Select(x => (x.Method, x.Status)).SequenceEqual([("POST", 202), ("PUT", 201), ("HEAD", 200)]));
        Assert.True(File.Exists(Path.Combine(registry.StorageDirectory, "docker/registry/v2/blobs/sha256", digest[7..9], digest[7..], "data")));
    }

    [Fact]
    public async Task A_token_granting_less_than_asked_is_refused_by_the_registry()
    {
        var pullOnly = new TokenAuthOptions(Users, (_, _, requested) => requested.Where(a => a == "pull").ToList());
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Token: pullOnly));
        using var client = new HttpClient(registry.CreateHttpHandler());

        string token = (await GetTokenAsync(client, registry.TokenServer!, "repository:tiny:pull,push", Alice)).GetProperty("token").GetString()!;
        using HttpResponseMessage upload = await SendAsync(client, HttpMethod.Post, new Uri(registry.BaseUri, "/v2/tiny/blobs/uploads/"), token);
        using HttpResponseMessage read = await SendAsync(client, HttpMethod.Get, new Uri(registry.BaseUri, "/v2/tiny/tags/list"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        AuthenticationHeaderValue challenge = Assert.Single(upload.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        // Distribution lists the actions from a Go map, in either order.
        Assert.Matches("scope=\"repository:tiny:(pull,push|push,pull)\"", challenge.Parameter);
        Assert.Contains("error=\"insufficient_scope\"", challenge.Parameter);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode); // pull was granted; the repository just does not exist yet
    }

    [Fact]
    public async Task A_token_for_two_repositories_lets_a_blob_be_mounted_across_them()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Token: TokenAuthOptions.AllowUsers(Users)));
        TokenServer tokens = registry.TokenServer!;
        using var client = new HttpClient(registry.CreateHttpHandler());
        byte[] blob = "shared blob"u8.ToArray();
        string digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(blob));
        string sourceToken = (await GetTokenAsync(client, tokens, "repository:src:pull,push", Alice)).GetProperty("token").GetString()!;
        using HttpResponseMessage started = await SendAsync(client, HttpMethod.Post, new Uri(registry.BaseUri, "/v2/src/blobs/uploads/"), sourceToken);
        using HttpResponseMessage put = await SendAsync(client, HttpMethod.Put, new Uri($"{started.Headers.Location}&digest={digest}"), sourceToken, new ByteArrayContent(blob));
        Uri mountUri = new(registry.BaseUri, $"/v2/dst/blobs/uploads/?mount={digest}&from=src");

        string destinationOnly = (await GetTokenAsync(client, tokens, "repository:dst:pull,push", Alice)).GetProperty("token").GetString()!;
        using HttpResponseMessage withoutSource = await SendAsync(client, HttpMethod.Post, mountUri, destinationOnly);
        using var both = new HttpRequestMessage(HttpMethod.Get, new Uri($"{TokenUri(tokens, "repository:dst:pull,push")}&scope=repository:src:pull"));
        both.Headers.Authorization = new AuthenticationHeaderValue("Basic", Alice.HeaderValue);
        using HttpResponseMessage bothAnswer = await client.SendAsync(both);
        string bothToken = JsonDocument.Parse(await bothAnswer.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
        using HttpResponseMessage mounted = await SendAsync(client, HttpMethod.Post, mountUri, bothToken);

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutSource.StatusCode);
        Assert.Contains("repository:src:pull", Assert.Single(withoutSource.Headers.WwwAuthenticate).Parameter);
        Assert.Equal(HttpStatusCode.Created, mounted.StatusCode);
        Assert.Equal(new Uri(registry.BaseUri, $"/v2/dst/blobs/{digest}"), mounted.Headers.Location);
        Assert.Equal(["repository:src:pull,push", "repository:dst:pull,push", "repository:dst:pull,push", "repository:src:pull"], tokens.RequestedScopes);
    }

    [Fact]
    public async Task Starting_an_upload_needs_pull_as_well_as_push()
    {
        var pushOnly = new TokenAuthOptions(Users, (_, _, requested) => requested.Where(a => a == "push").ToList());
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Token: pushOnly));
        using var client = new HttpClient(registry.CreateHttpHandler());

        string token = (await GetTokenAsync(client, registry.TokenServer!, "repository:tiny:pull,push", Alice)).GetProperty("token").GetString()!;
        using HttpResponseMessage upload = await SendAsync(client, HttpMethod.Post, new Uri(registry.BaseUri, "/v2/tiny/blobs/uploads/"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
    }

    [Fact]
    public async Task Anonymous_and_wrong_password_requests()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Token: TokenAuthOptions.AllowUsers(Users)));
        TokenServer tokens = registry.TokenServer!;
        using var client = new HttpClient(registry.CreateHttpHandler());

        string anonymous = (await GetTokenAsync(client, tokens, "repository:tiny:pull,push", credentials: null)).GetProperty("token").GetString()!;
        using HttpResponseMessage pull = await SendAsync(client, HttpMethod.Get, new Uri(registry.BaseUri, "/v2/tiny/tags/list"), anonymous);
        using HttpResponseMessage push = await SendAsync(client, HttpMethod.Post, new Uri(registry.BaseUri, "/v2/tiny/blobs/uploads/"), anonymous);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, TokenUri(tokens, "repository:tiny:pull"));
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", (Alice with { Password = "nope" }).HeaderValue);
        using HttpResponseMessage refused = await client.SendAsync(wrong);
        using HttpResponseMessage otherService = await client.GetAsync(new Uri($"{tokens.Realm}?service=elsewhere&scope=repository:tiny:pull"));

        Assert.Equal(HttpStatusCode.NotFound, pull.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, push.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherService.StatusCode);
        Assert.Equal(1, tokens.TokensIssued);
    }

    [Fact]
    public async Task Password_and_refresh_token_grants_by_post()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Tls: true, Token: TokenAuthOptions.AllowUsers(Users)));
        TokenServer tokens = registry.TokenServer!;
        using var client = new HttpClient(registry.CreateHttpHandler());

        JsonElement first = await PostAsync(client, tokens, new()
        {
            ["grant_type"] = "password", ["username"] = Alice.User, ["password"] = Alice.Password, ["access_type"] = "offline",
            ["service"] = tokens.Service, ["client_id"] = "tko-tests", ["scope"] = "repository:a:pull repository:b:pull,push",
        });
        string refreshToken = first.GetProperty("refresh_token").GetString()!;
        JsonElement refreshed = await PostAsync(client, tokens, new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken,
            ["service"] = tokens.Service, ["client_id"] = "tko-tests", ["scope"] = "repository:b:pull,push",
        });
        using HttpResponseMessage upload = await SendAsync(client, HttpMethod.Post, new Uri(registry.BaseUri, "/v2/b/blobs/uploads/"), refreshed.GetProperty("access_token").GetString()!);
        using HttpResponseMessage badRefresh = await client.PostAsync(tokens.Realm, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = "forged", ["service"] = tokens.Service, ["client_id"] = "tko-tests",
        }));
        using HttpResponseMessage badPassword = await client.PostAsync(tokens.Realm, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = Alice.User, ["password"] = "nope", ["service"] = tokens.Service, ["client_id"] = "tko-tests",
        }));

        Assert.Equal(300, first.GetProperty("expires_in").GetInt32());
        Assert.Equal(refreshToken, refreshed.GetProperty("refresh_token").GetString());
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badRefresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badPassword.StatusCode);
        Assert.Equal(2, tokens.RefreshTokenGrants);
        Assert.Equal(2, tokens.TokensIssued);
        Assert.Equal(["repository:a:pull", "repository:b:pull,push", "repository:b:pull,push"], tokens.RequestedScopes);
    }

    private static Uri TokenUri(TokenServer tokens, string scope) =>
        new($"{tokens.Realm}?service={Uri.EscapeDataString(tokens.Service)}&scope={Uri.EscapeDataString(scope)}");

    private static async Task<JsonElement> GetTokenAsync(HttpClient client, TokenServer tokens, string scope, BasicCredentials? credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TokenUri(tokens, scope));
        if (credentials is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.HeaderValue);
        using HttpResponseMessage response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, TokenServer tokens, Dictionary<string, string> form)
    {
        using HttpResponseMessage response = await client.PostAsync(tokens.Realm, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, Uri uri, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }
}
