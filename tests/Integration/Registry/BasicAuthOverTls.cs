using System.Runtime.InteropServices;
using Tko.Testing.Registry;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// A TLS registry with a test CA and htpasswd Basic auth: the credentials are found in docker's
/// config, through a credential helper or given explicitly; a wrong password or an untrusted
/// certificate fails with one line naming the registry and never the secret.
/// </summary>
public sealed class BasicAuthOverTls : IAsyncLifetime
{
    private static readonly BasicCredentials Alice = new("alice", "alice-Secret-42");
    private static Platform Host => RuntimeInformation.OSArchitecture == Architecture.Arm64 ? new Platform("arm64", "linux") : Platform.LinuxAmd64;
    private readonly TempDirectory _files = new("registry-auth");
    private RegistryServer _registry = null!;
    private ImageReference _busybox = null!;

    public async Task InitializeAsync()
    {
        _registry = await RegistryServer.StartAsync(new RegistryOptions(Tls: true, Basic: Alice));
        _busybox = ImageReference.Parse(await BusyboxImage.PushAsync(_registry, "busybox", credentials: Alice));
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task Docker_config_auths_entry_is_used()
    {
        string config = CredentialFiles.DockerConfig(_files, "{\"auths\":{\"https://" + _registry.Host + "\":{\"auth\":\"" + CredentialFiles.BasicAuth(Alice.User, Alice.Password) + "\"}}}");
        using RegistryClient client = new TestClients().Create(_registry, o => o with { DockerConfigDirectory = config });

        PulledImage image = await client.PullAsync(_busybox, Host);

        Assert.Single(image.Layers);
    }

    [Fact]
    public async Task Credential_helper_named_by_cred_helpers_is_run_with_the_server()
    {
        string helpers = CredentialFiles.HelperScript(_files, _registry.Host, Alice.User, Alice.Password);
        string config = CredentialFiles.DockerConfig(_files, $$$"""{"auths":{},"credHelpers":{"{{{_registry.Host}}}":"tkotest"}}""");
        using RegistryClient client = new TestClients().Create(_registry, o => o with { DockerConfigDirectory = config, CredentialHelperPath = helpers + ":/usr/bin:/bin" });

        Descriptor pushed = await client.PutBlobAsync(_busybox.WithRepository("helped"), "{}"u8.ToArray(), MediaTypes.OciConfig);

        Assert.Equal(Digest.OfContent("{}"u8), pushed.Digest);
        Assert.Equal([$"get {_registry.Host}"], File.ReadAllLines(Path.Combine(helpers, "calls.log")));
    }

    [Fact]
    public async Task Credentials_store_is_used_for_every_registry()
    {
        string helpers = CredentialFiles.HelperScript(_files, _registry.Host, Alice.User, Alice.Password);
        string config = CredentialFiles.DockerConfig(_files, """{"credsStore":"tkotest"}""");
        using RegistryClient client = new TestClients().Create(_registry, o => o with { DockerConfigDirectory = config, CredentialHelperPath = helpers + ":/usr/bin:/bin" });

        Assert.NotNull(await client.HeadManifestAsync(_busybox));
    }

    [Fact]
    public async Task Explicit_login_wins_over_docker_config()
    {
        string config = CredentialFiles.DockerConfig(_files, "{\"auths\":{\"" + _registry.Host + "\":{\"auth\":\"" + CredentialFiles.BasicAuth("alice", "stale") + "\"}}}");
        using RegistryClient client = new TestClients().Create(_registry, o => o with
        {
            DockerConfigDirectory = config,
            Logins = [new RegistryLogin(_registry.Host, Alice.User, Alice.Password)],
        });

        Assert.NotNull(await client.HeadManifestAsync(_busybox));
    }

    [Fact]
    public async Task Wrong_password_fails_with_one_line_naming_the_registry_and_no_secret()
    {
        const string wrong = "Wrong-Password-999";
        var clients = new TestClients();
        using RegistryClient client = clients.Create(_registry, o => o with { Logins = [new RegistryLogin(_registry.Host, Alice.User, wrong)] });

        var failure = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.PullAsync(_busybox, Host));

        Assert.Contains(_registry.Host, failure.Message, StringComparison.Ordinal);
        Assert.Contains("alice", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.DoesNotContain(wrong, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CredentialFiles.BasicAuth(Alice.User, wrong), failure.Message, StringComparison.Ordinal);
        Assert.All(clients.LogLines, l => Assert.DoesNotContain(wrong, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_credentials_fails_saying_how_to_log_in()
    {
        using RegistryClient client = new TestClients().Create(_registry);

        var failure = await Assert.ThrowsAsync<RegistryAuthenticationException>(() => client.PullAsync(_busybox, Host));

        Assert.Contains($"docker login {_registry.Host}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificate_of_an_unknown_ca_is_refused_naming_the_fix()
    {
        using RegistryClient client = new TestClients().Create(adjust: o => o with { Logins = [new RegistryLogin(_registry.Host, Alice.User, Alice.Password)] });

        var failure = await Assert.ThrowsAsync<RegistryUnreachableException>(() => client.PullAsync(_busybox, Host));

        Assert.Contains("TLS", failure.Message, StringComparison.Ordinal);
        Assert.Contains("SSL_CERT_FILE", failure.Message, StringComparison.Ordinal);
        Assert.Contains(_registry.Host, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ca_directory_like_ssl_cert_dir_is_trusted()
    {
        using RegistryClient client = new TestClients().Create(adjust: o => o with
        {
            CaCertificateDirectories = [_registry.CertificateDirectory!],
            Logins = [new RegistryLogin(_registry.Host, Alice.User, Alice.Password)],
        });

        Assert.NotNull(await client.HeadManifestAsync(_busybox));
    }
}
