using System.Net;
using System.Runtime.InteropServices;
using Tko.Model;
using Tko.Registry;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// Credentials are bound to the registry's origin (scheme, host and port): an upload Location on
/// plain http or on another host is followed without them, plain http reached from an https
/// registry is refused unless loopback or insecure, and so is a plain-http token realm. Every case
/// runs against the real registry and checks, scheme by scheme and host by host, which requests
/// carried Authorization.
/// </summary>
public sealed class CredentialsStayWithTheirOrigin
{
    private static readonly BasicCredentials Alice = new("alice", "alice-Origin-9");
    private static readonly byte[] Config = "{\"origin\":true}"u8.ToArray();

    [Theory]
    [InlineData("https://r.example", "https://r.example:443/v2/app/blobs/uploads/1", "", "Same")]
    [InlineData("https://r.example", "https://R.Example/v2/", "", "Same")]
    [InlineData("https://r.example", "http://r.example:443/v2/app/blobs/uploads/1", "", "Downgrade")]
    [InlineData("https://r.example", "http://storage.example/blob", "", "Downgrade")]
    [InlineData("https://r.example", "http://r.example/v2/", "r.example", "Foreign")]
    [InlineData("https://127.0.0.1:5000", "http://127.0.0.1:5000/v2/", "", "Foreign")]
    [InlineData("https://localhost:5000", "http://localhost:5000/v2/", "", "Foreign")]
    [InlineData("https://r.example", "https://storage.example/blob?X-Amz-Signature=1", "", "Foreign")]
    [InlineData("https://r.example", "https://r.example:8443/v2/", "", "Foreign")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.2:5000/v2/", "", "Foreign")]
    [InlineData("http://r.example:5000", "http://storage.example/blob", "r.example:5000", "Foreign")]
    public void Requests_get_credentials_only_on_the_registry_origin(string registry, string target, string insecure, string expected)
    {
        var names = new InsecureRegistries(insecure.Length == 0 ? [] : [insecure]);

        Assert.Equal(Enum.Parse<OriginVerdict>(expected), OriginPolicy.Judge(Origin.Of(new Uri(registry)), new Uri(target), names));
    }

    [Fact]
    public void A_registry_whose_endpoint_is_unknown_sends_no_credentials() =>
        Assert.Equal(OriginVerdict.Foreign, OriginPolicy.Judge(null, new Uri("https://r.example/v2/"), new InsecureRegistries([])));

    [Theory]
    [InlineData("https://auth.example/token", "", true)]
    [InlineData("http://auth.example/token", "", false)]
    [InlineData("http://vm.example:8080/token", "r.example", false)]
    [InlineData("http://auth.example/token", "auth.example", true)]
    [InlineData("http://127.0.0.2:8080/token", "", true)]
    [InlineData("http://localhost/token", "", true)]
    [InlineData("ftp://auth.example/token", "auth.example", false)]
    public void Token_realm_must_be_https_unless_loopback_or_insecure(string realm, string insecure, bool allowed)
    {
        var names = new InsecureRegistries(insecure.Length == 0 ? [] : [insecure]);

        Assert.Equal(allowed, OriginPolicy.AllowsRealm(new Uri(realm), names));
    }

    [Fact]
    public async Task Https_registry_sending_uploads_to_plain_http_on_its_own_port_gets_no_credentials_there()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Basic: Alice));
        using var files = new TempDirectory("front");
        await using TlsFront front = TlsFront.Start(registry, files.Path);
        using RegistryClient client = Client(front.Host, front.CaCertificatePath);

        var refused = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.PutBlobAsync(ImageReference.Parse($"{front.Host}/app"), Config, MediaTypes.OciConfig));

        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains($"http://127.0.0.1:{front.Host.Split(':')[1]}", refused.Message, StringComparison.Ordinal);
        IReadOnlyList<FrontRequest> seen = front.Requests;
        Assert.Contains(seen, r => r is { Scheme: "https", Method: "POST", HadAuthorization: true });
        Assert.Contains(seen, r => r is { Scheme: "http", Method: "PUT" });
        Assert.All(seen.Where(r => r.Scheme == "http"), r => Assert.False(r.HadAuthorization, $"{r} carried credentials over plain http"));
    }

    [Fact]
    public async Task Https_registry_sending_uploads_to_plain_http_on_a_named_host_is_refused_naming_it()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Basic: Alice));
        using var files = new TempDirectory("front");
        await using TlsFront front = TlsFront.Start(registry, files.Path, locationHost: "tko-upload.invalid");
        using RegistryClient client = Client(front.Host, front.CaCertificatePath);

        var refused = await Assert.ThrowsAsync<RegistryException>(() => client.PutBlobAsync(ImageReference.Parse($"{front.Host}/app"), Config, MediaTypes.OciConfig));

        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains("plain http on tko-upload.invalid", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--insecure-registry", refused.Message, StringComparison.Ordinal);
        Assert.All(front.Requests, r => Assert.Equal("https", r.Scheme));
    }

    [Fact]
    public async Task Https_blob_redirect_to_plain_http_on_a_named_host_is_refused_naming_it()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Basic: Alice));
        string pushed = await BusyboxImage.PushAsync(registry, "busybox", credentials: Alice);
        await using RegistryProxy proxy = RegistryProxy.Start(registry, new ProxyBehaviour { RedirectBlobsTo = new Uri("http://tko-storage.invalid:9/") });
        using var files = new TempDirectory("front");
        await using TlsFront front = TlsFront.Start(proxy, files.Path);
        using RegistryClient client = Client(front.Host, front.CaCertificatePath);
        ImageReference reference = ImageReference.Parse(pushed.Replace(registry.Host, front.Host, StringComparison.Ordinal));
        Platform platform = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? new Platform("arm64", "linux") : Platform.LinuxAmd64;

        var refused = await Assert.ThrowsAsync<RegistryException>(() => client.PullAsync(reference, platform));

        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains("plain http on tko-storage.invalid", refused.Message, StringComparison.Ordinal);
        Assert.Contains(front.Requests, r => r is { Scheme: "https", Method: "GET", HadAuthorization: true } && r.Path.Contains("/blobs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_location_on_another_host_gets_no_credentials()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Basic: Alice));
        await using RegistryProxy elsewhere = RegistryProxy.Start(registry, new ProxyBehaviour(), IPAddress.Parse("127.0.0.2"));
        await using RegistryProxy proxy = RegistryProxy.Start(registry, new ProxyBehaviour { RelocateTo = new Uri($"http://{elsewhere.Host}/") });
        using RegistryClient client = Client(proxy.Host);

        var refused = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.PutBlobAsync(ImageReference.Parse($"{proxy.Host}/app"), Config, MediaTypes.OciConfig));

        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains(elsewhere.Host, refused.Message, StringComparison.Ordinal);
        Assert.Contains(proxy.Requests, r => r is { Method: "POST", Status: 202, HadAuthorization: true });
        Assert.Contains(elsewhere.Requests, r => r is { Method: "PUT", Status: 401 });
        Assert.All(elsewhere.Requests, r => Assert.False(r.HadAuthorization, $"{r} carried the registry's credentials to another host"));
    }

    [Fact]
    public async Task Plain_http_token_realm_on_a_named_host_is_refused_without_sending_credentials()
    {
        var users = new Dictionary<string, string> { [Alice.User] = Alice.Password };
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Token: TokenAuthOptions.AllowUsers(users)));
        await using RegistryProxy proxy = RegistryProxy.Start(registry, new ProxyBehaviour { RealmHost = "tko-token.invalid" });
        using RegistryClient client = Client(proxy.Host);

        var refused = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.PutBlobAsync(ImageReference.Parse($"{proxy.Host}/app"), Config, MediaTypes.OciConfig));

        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains("plain http on tko-token.invalid", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, registry.TokenServer!.TokensIssued);
        Assert.All(proxy.Requests, r => Assert.False(r.HadAuthorization, $"{r} carried credentials"));
    }

    private static RegistryClient Client(string host, string? ca = null) =>
        new TestClients().Create(adjust: o => o with
        {
            Logins = [new RegistryLogin(host, Alice.User, Alice.Password)],
            CaCertificateFiles = ca is null ? [] : [ca],
        });
}
