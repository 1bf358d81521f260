using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Tko.Testing.Registry;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// A registry with token auth and a token server that checks scopes: push and pull work with a
/// user's password, an identity token is exchanged with an OAuth2 refresh grant, tokens are reused
/// per scope set, and a token without push is refused with a clear line.
/// </summary>
public sealed class TokenAuth : IAsyncLifetime
{
    private static readonly BasicCredentials Alice = new("alice", "alice-Token-Pass-1");
    private static readonly BasicCredentials Reader = new("reader", "reader-Token-Pass-2");
    private static Platform Host => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? new Platform("arm64", "linux") : Platform.LinuxAmd64;
    private readonly TempDirectory _files = new("registry-token");
    private RegistryServer _registry = null!;
    private ImageReference _busybox = null!;

    public async Task InitializeAsync()
    {
        var users = new Dictionary<string, string> { [Alice.User] = Alice.Password, [Reader.User] = Reader.Password };
        _registry = await RegistryServer.StartAsync(new RegistryOptions(Token: new TokenAuthOptions(users,
            (user, _, requested) => user == Alice.User ? requested : [.. requested.Where(a => a == "pull")])));
        _busybox = ImageReference.Parse(await BusyboxImage.PushAsync(_registry, "base/busybox", credentials: Alice));
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task User_with_push_scope_pulls_and_pushes_with_few_tokens()
    {
        using RegistryClient client = new TestClients().Create(adjust: o => o with { Logins = [new RegistryLogin(_registry.Host, Alice.User, Alice.Password)] });
        ImageReference target = ImageReference.Parse($"{_registry.Host}/team/app:v1");
        int before = _registry.TokenServer!.TokensIssued;

        PulledImage image = await client.PullAsync(_busybox, Host);
        var transfers = await client.EnsureBlobsAsync(_busybox, target, [image.Config, .. image.Layers]);
        Descriptor manifest = await client.PushManifestAsync(target, image.ManifestBytes, image.Manifest.MediaType, ["v1", "latest"]);

        Assert.All(transfers, t => Assert.Equal(BlobTransferKind.Mounted, t.Kind));
        Assert.Equal(image.Manifest.Digest, manifest.Digest);
        Assert.Equal(manifest.Digest, (await client.HeadManifestAsync(target.WithTag("latest")))?.Digest);
        // One token per scope set: pull of the base, the mount (both repositories), the push, the pull of the target.
        Assert.InRange(_registry.TokenServer.TokensIssued - before, 1, 4);
        int issued = _registry.TokenServer.TokensIssued;
        await client.EnsureBlobsAsync(_busybox, target, [image.Config, .. image.Layers]);
        await client.PushManifestAsync(target, image.ManifestBytes, image.Manifest.MediaType, ["v2"]);
        Assert.Equal(issued, _registry.TokenServer.TokensIssued);
        Assert.Contains("repository:team/app:pull,push", _registry.TokenServer.RequestedScopes);
        Assert.Contains("repository:base/busybox:pull", _registry.TokenServer.RequestedScopes);
    }

    [Fact]
    public async Task Token_without_push_is_refused_clearly()
    {
        using RegistryClient client = new TestClients().Create(adjust: o => o with { Logins = [new RegistryLogin(_registry.Host, Reader.User, Reader.Password)] });
        ImageReference target = ImageReference.Parse($"{_registry.Host}/team/app:v1");

        var failure = await Assert.ThrowsAsync<RegistryAccessDeniedException>(() => client.PutBlobAsync(target, "{}"u8.ToArray(), MediaTypes.OciConfig));

        Assert.Contains($"{_registry.Host}/team/app", failure.Message, StringComparison.Ordinal);
        Assert.Contains("push", failure.Message, StringComparison.Ordinal);
        Assert.Contains("reader", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Reader.Password, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.NotNull(await client.HeadManifestAsync(_busybox));
    }

    [Fact]
    public async Task Wrong_password_is_refused_by_the_token_server_naming_the_registry()
    {
        using RegistryClient client = new TestClients().Create(adjust: o => o with { Logins = [new RegistryLogin(_registry.Host, Alice.User, "Not-Her-Password")] });

        var failure = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.PullAsync(_busybox, Host));

        Assert.Contains(_registry.Host, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Not-Her-Password", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_token_in_docker_config_is_exchanged_with_a_refresh_grant()
    {
        string refreshToken = await OfflineTokenAsync();
        string config = CredentialFiles.DockerConfig(_files,
            "{\"auths\":{\"" + _registry.Host + "\":{\"auth\":\"" + CredentialFiles.BasicAuth("<token>", "") + "\",\"identitytoken\":\"" + refreshToken + "\"}}}");
        var clients = new TestClients();
        using RegistryClient client = clients.Create(adjust: o => o with { DockerConfigDirectory = config });

        await client.PutBlobAsync(ImageReference.Parse($"{_registry.Host}/team/app"), "{\"a\":1}"u8.ToArray(), MediaTypes.OciConfig);

        Assert.True(_registry.TokenServer!.RefreshTokenGrants >= 1);
        Assert.All(clients.LogLines, l => Assert.DoesNotContain(refreshToken, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_pull_gets_an_anonymous_token()
    {
        using RegistryClient client = new TestClients().Create();

        Assert.NotNull(await client.HeadManifestAsync(_busybox));
    }

    private async Task<string> OfflineTokenAsync()
    {
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, $"{_registry.TokenServer!.Realm}?service={_registry.TokenServer.Service}&offline_token=true");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Alice.HeaderValue);
        using HttpResponseMessage response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("refresh_token").GetString()!;
    }
}
