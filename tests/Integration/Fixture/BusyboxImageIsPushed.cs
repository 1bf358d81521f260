using System.Text.Json;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Fixture;

/// <summary>The busybox image reaches every kind of test registry, and skopeo reads it back.</summary>
public sealed class BusyboxImageIsPushed
{
    private static readonly BasicCredentials Alice = new("alice", "s3cret-pass");

    [Fact]
    public async Task To_a_plain_registry()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());

        string reference = await BusyboxImage.PushAsync(registry, "tools/busybox", "v1");

        Assert.Equal($"{registry.Host}/tools/busybox:v1", reference);
        JsonElement inspected = await InspectAsync(reference, registry, credentials: null);
        Assert.Equal("linux", inspected.GetProperty("Os").GetString());
        Assert.Single(inspected.GetProperty("Layers").EnumerateArray());
        Assert.Contains("PATH=/usr/sbin:/usr/bin:/sbin:/bin", inspected.GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
        JsonElement config = await InspectAsync(reference, registry, credentials: null, "--config");
        Assert.Equal(["/bin/sh"], config.GetProperty("config").GetProperty("Cmd").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(registry.Requests, r => r is { Method: "PUT", Path: "/v2/tools/busybox/manifests/v1", Status: 201 });
    }

    [Fact]
    public async Task To_a_tls_registry_with_basic_auth()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Tls: true, Basic: Alice));

        string reference = await BusyboxImage.PushAsync(registry, "busybox", credentials: Alice);

        JsonElement inspected = await InspectAsync(reference, registry, Alice);
        Assert.Equal($"{registry.Host}/busybox", inspected.GetProperty("Name").GetString());
        await Assert.ThrowsAsync<InvalidOperationException>(() => InspectAsync(reference, registry, credentials: null));
    }

    [Fact]
    public async Task To_a_tls_token_registry_whose_realm_is_plain_http()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(
            new RegistryOptions(Tls: true, Token: TokenAuthOptions.AllowUsers(new Dictionary<string, string> { [Alice.User] = Alice.Password })));

        string reference = await BusyboxImage.PushAsync(registry, "busybox", credentials: Alice);

        JsonElement inspected = await InspectAsync(reference, registry, Alice);
        Assert.Equal("latest", Assert.Single(inspected.GetProperty("RepoTags").EnumerateArray()).GetString());
        Assert.Contains("repository:busybox:pull,push", registry.TokenServer!.RequestedScopes);
    }

    [Fact]
    public async Task As_a_two_platform_index()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Tls: true));

        string reference = await BusyboxImage.PushIndexAsync(registry, "multi", "both");

        byte[] raw = (await Skopeo.InspectAsync(reference, registry, null, "--raw")).RawOutput;
        using JsonDocument index = JsonDocument.Parse(raw);
        Assert.Equal("application/vnd.oci.image.index.v1+json", index.RootElement.GetProperty("mediaType").GetString());
        Assert.Equal(["linux/amd64", "linux/arm64"], index.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => $"{m.GetProperty("platform").GetProperty("os").GetString()}/{m.GetProperty("platform").GetProperty("architecture").GetString()}"));
        JsonElement arm = await InspectAsync(reference, registry, credentials: null, "--override-arch", "arm64");
        Assert.Equal("arm64", arm.GetProperty("Architecture").GetString());
    }

    private static async Task<JsonElement> InspectAsync(string reference, RegistryServer registry, BasicCredentials? credentials, params string[] flags)
    {
        ProcessResult result = await Skopeo.InspectAsync(reference, registry, credentials, flags);
        using JsonDocument document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }
}
