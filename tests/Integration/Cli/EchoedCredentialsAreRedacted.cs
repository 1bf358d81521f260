using Tko.Integration.Registry;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>A registry error that quotes the credential it was sent is printed with it masked, in base64 and URL-encoded alike.</summary>
public sealed class EchoedCredentialsAreRedacted
{
    [Fact]
    public async Task Registry_error_echoing_the_credential_in_base64_is_printed_redacted()
    {
        var user = new BasicCredentials("reluser", "Rel/p@ss+Echo-7");
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Basic: user));
        await using RegistryProxy proxy = RegistryProxy.Start(registry, new ProxyBehaviour { EchoCredentials = true });
        using var work = new TempDirectory("echo");
        Directory.CreateDirectory(work.Combine("src"));
        File.WriteAllText(work.Combine("src", "app"), "#!/bin/sh\necho hi\n");
        Directory.CreateDirectory(work.Combine("docker"));

        ProcessResult result = await TkoCli.BuildAsync(work.Path, [work.Combine("src"), "--base-ref", "scratch", "-T", "REMOTE", "--target-repo", $"{proxy.Host}/app"],
            new Dictionary<string, string?>
            {
                ["DOCKER_CONFIG"] = work.Combine("docker"),
                ["TKO_REGISTRY_USER"] = user.User,
                ["TKO_REGISTRY_PASS"] = user.Password,
            });

        string error = CliOutcome.Failed(result, CliOutcome.BuildFailed, "BLOB_UPLOAD_INVALID");
        string basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user.User}:{user.Password}"));
        Assert.Contains(proxy.Requests, r => r is { Method: "POST", Status: 400, HadAuthorization: true });
        Assert.DoesNotContain(basic.TrimEnd('=')[..12], error, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(user.Password), error, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Password, error, StringComparison.Ordinal);
        Assert.True(error.Contains("credential *** refused (password=***)", StringComparison.Ordinal), error);
    }
}
