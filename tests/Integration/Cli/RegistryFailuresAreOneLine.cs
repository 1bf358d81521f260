using System.Net;
using System.Net.Sockets;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>Registry failures through the CLI: one line naming what failed, a non-zero exit, and no tag created.</summary>
public sealed class RegistryFailuresAreOneLine
{
    private static async Task<ProcessResult> PushAsync(TempDirectory work, string baseRef, string targetRepo)
    {
        Directory.CreateDirectory(work.Combine("src"));
        File.WriteAllText(work.Combine("src", "app"), "#!/bin/sh\necho hi\n");
        Directory.CreateDirectory(work.Combine("docker"));
        return await TkoCli.BuildAsync(work.Path, [work.Combine("src"), "--base-ref", baseRef, "-T", "REMOTE", "--target-repo", targetRepo],
            new Dictionary<string, string?> { ["DOCKER_CONFIG"] = work.Combine("docker") });
    }

    private static async Task AssertNoTagsAsync(RegistryServer registry, string repository)
    {
        using var client = new HttpClient(registry.CreateHttpHandler());
        using HttpResponseMessage tags = await client.GetAsync(new Uri(registry.BaseUri, $"/v2/{repository}/tags/list"));
        Assert.Equal(HttpStatusCode.NotFound, tags.StatusCode);
    }

    [Fact]
    public async Task Unknown_base_tag_names_the_base()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        await BusyboxImage.PushAsync(registry, "busybox");
        using var work = new TempDirectory("fail");

        ProcessResult result = await PushAsync(work, $"{registry.Host}/busybox:no-such-tag", $"{registry.Host}/app");

        CliOutcome.Failed(result, CliOutcome.BuildFailed, "no-such-tag");
        await AssertNoTagsAsync(registry, "app");
    }

    [Fact]
    public async Task Registry_that_is_down_is_named()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        using var work = new TempDirectory("fail");

        ProcessResult result = await PushAsync(work, $"127.0.0.1:{port}/busybox", $"127.0.0.1:{port}/app");

        CliOutcome.Failed(result, CliOutcome.BuildFailed, $"127.0.0.1:{port}");
    }

    [Fact]
    public async Task Base_digest_the_registry_does_not_have_is_named()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        await BusyboxImage.PushAsync(registry, "busybox");
        using var work = new TempDirectory("fail");
        string missing = "sha256:" + new string('0', 64);

        ProcessResult result = await PushAsync(work, $"{registry.Host}/busybox@{missing}", $"{registry.Host}/app");

        CliOutcome.Failed(result, CliOutcome.BuildFailed, missing);
        await AssertNoTagsAsync(registry, "app");
    }

    [Theory]
    [InlineData("app/UPPER")]
    [InlineData("bad//path")]
    [InlineData("host:5000/app:tag:extra")]
    public async Task Invalid_target_repository_is_a_usage_error_quoting_it(string targetRepo)
    {
        using var work = new TempDirectory("fail");
        ProcessResult result = await PushAsync(work, "scratch", targetRepo);
        CliOutcome.Failed(result, CliOutcome.UsageError, targetRepo);
    }

    [Fact]
    public async Task Base_in_another_registry_is_copied_and_in_another_repository_is_mounted()
    {
        await using RegistryServer source = await RegistryServer.StartAsync(new RegistryOptions());
        await using RegistryServer target = await RegistryServer.StartAsync(new RegistryOptions());
        string baseRef = await BusyboxImage.PushAsync(source, "busybox");
        await BusyboxImage.PushAsync(target, "busybox");
        using var work = new TempDirectory("copy");

        CliOutcome.Succeeded(await PushAsync(work, baseRef, $"{target.Host}/copied"));
        await Skopeo.InspectAsync($"{target.Host}/copied:latest", target);

        CliOutcome.Succeeded(await PushAsync(work, $"{target.Host}/busybox", $"{target.Host}/mounted"));
        IReadOnlyList<RegistryRequest> requests = await target.WaitForRequestsAsync(all =>
            all.Any(r => r.Method == "POST" && r.Path.Contains("/v2/mounted/blobs/uploads/?", StringComparison.Ordinal) && r.Path.Contains("mount=", StringComparison.Ordinal)));
        Assert.Contains(requests, r => r.Method == "POST" && r.Path.Contains("from=busybox", StringComparison.Ordinal) && r.Status == 201);
        await Skopeo.InspectAsync($"{target.Host}/mounted:latest", target);
    }
}
