using System.Text.Json;
using Tko.Integration.Support;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// <c>tko build -T REMOTE</c> against the real distribution registry: a busybox base plus an
/// artifacts directory is pushed, read back by skopeo, unpacked by umoci and run with chroot.
/// </summary>
public sealed class PushingToARegistry
{
    private const string AppScript = "#!/bin/sh\necho \"hello from tko on $(cat /tko-app/greeting.txt)\"\n";

    private static void WriteApp(string source)
    {
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "app"), AppScript);
        File.SetUnixFileMode(Path.Combine(source, "app"), (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(source, "greeting.txt"), "busybox");
    }

    private static Dictionary<string, string?> Environment(TempDirectory home, params (string Name, string Value)[] extra)
    {
        // An empty docker config: only what the test gives counts as credentials.
        Directory.CreateDirectory(home.Combine("docker"));
        var environment = new Dictionary<string, string?> { ["DOCKER_CONFIG"] = home.Combine("docker") };
        foreach ((string name, string value) in extra) environment[name] = value;
        return environment;
    }

    [Fact]
    public async Task Pushed_image_inspects_unpacks_and_runs_its_entrypoint()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string baseRef = await BusyboxImage.PushAsync(registry, "busybox");
        using var work = new TempDirectory("push");
        WriteApp(work.Combine("src"));

        ProcessResult result = await TkoCli.BuildAsync(work.Path,
            [work.Combine("src"), "--base-ref", baseRef, "--target-type", "REMOTE", "--target-repo", $"{registry.Host}/app:v1"],
            Environment(work));

        (string name, var digest) = CliOutcome.Succeeded(result);
        Assert.Equal($"{registry.Host}/app", name);
        ProcessResult inspect = await Skopeo.InspectAsync($"{registry.Host}/app:v1", registry);
        using JsonDocument image = JsonDocument.Parse(inspect.StandardOutput);
        Assert.Equal(digest.ToString(), image.RootElement.GetProperty("Digest").GetString());
        Assert.Equal(2, image.RootElement.GetProperty("Layers").GetArrayLength());

        string layout = work.Combine("copy");
        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"),
            ["--insecure-policy", "copy", .. Skopeo.RegistryFlags("src-", registry, null), $"docker://{registry.Host}/app:v1", $"oci:{layout}:v1"]);
        ImageValidation.ValidateLayout(layout);
        string rootfs = await ImageTools.UmociUnpackAsync(layout, "v1", work.Combine("bundle"));
        ProcessResult run = await ProcessRunner.RunCheckedAsync(RequiredTool.Find("chroot", "coreutils"), [rootfs, "/tko-app/app"]);
        Assert.Equal("hello from tko on busybox\n", run.StandardOutput);
    }

    [Fact]
    public async Task Second_identical_push_gives_the_same_digest_and_sends_no_layer_bytes()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string baseRef = await BusyboxImage.PushAsync(registry, "busybox");
        using var work = new TempDirectory("push");
        WriteApp(work.Combine("src"));
        string[] arguments = [work.Combine("src"), "--base-ref", baseRef, "--target-type", "REMOTE", "--target-repo", $"{registry.Host}/app"];

        var first = CliOutcome.Succeeded(await TkoCli.BuildAsync(work.Path, arguments, Environment(work)));
        await registry.WaitForRequestsAsync(requests => requests.Any(r => r.Method == "PUT" && r.Path.Contains("/manifests/latest", StringComparison.Ordinal)));
        int before = registry.Requests.Count;
        var second = CliOutcome.Succeeded(await TkoCli.BuildAsync(work.Path, arguments, Environment(work)));
        IReadOnlyList<RegistryRequest> all = await registry.WaitForRequestsAsync(requests =>
            requests.Skip(before).Count(r => r.Method == "PUT" && r.Path.Contains("/manifests/", StringComparison.Ordinal)) >= 2);

        Assert.Equal(first, second);
        RegistryRequest[] uploads = [.. all.Skip(before).Where(r => r.Path.Contains("/blobs/uploads/", StringComparison.Ordinal))];
        Assert.True(uploads.Length == 0, "the second push uploaded: " + string.Join(", ", uploads.Select(u => $"{u.Method} {u.Path}")));
    }

    [Fact]
    public async Task Tls_and_basic_auth_work_from_environment_variables_and_a_wrong_password_fails_in_one_line()
    {
        var user = new BasicCredentials("ci", "s3cret-pass");
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Tls: true, Basic: user));
        string baseRef = await BusyboxImage.PushAsync(registry, "busybox", credentials: user);
        using var work = new TempDirectory("push");
        WriteApp(work.Combine("src"));
        string[] arguments = [work.Combine("src"), "--base-ref", baseRef, "--target-type", "REMOTE", "--target-repo", $"{registry.Host}/app"];

        var ok = Environment(work, ("SSL_CERT_FILE", registry.CaCertificatePath!), ("TKO_REGISTRY_USER", user.User), ("TKO_REGISTRY_PASS", user.Password));
        CliOutcome.Succeeded(await TkoCli.BuildAsync(work.Path, arguments, ok));

        var wrong = Environment(work, ("SSL_CERT_FILE", registry.CaCertificatePath!), ("TKO_REGISTRY_USER", user.User), ("TKO_REGISTRY_PASS", "not-the-password"));
        ProcessResult refused = await TkoCli.BuildAsync(work.Path, arguments, wrong);
        string line = CliOutcome.Failed(refused, CliOutcome.BuildFailed, registry.Host);
        Assert.DoesNotContain("not-the-password", line, StringComparison.Ordinal);
        Assert.DoesNotContain(user.Password, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_auth_pushes_with_push_scope_and_refuses_a_token_without_it_in_one_line()
    {
        var users = new Dictionary<string, string> { ["writer"] = "w-pass", ["reader"] = "r-pass" };
        var token = new TokenAuthOptions(users, (user, repository, requested) =>
            user == "writer" ? requested : [.. requested.Where(action => action == "pull")]);
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions(Token: token));
        using var work = new TempDirectory("push");
        WriteApp(work.Combine("src"));
        string[] arguments = [work.Combine("src"), "--base-ref", "scratch", "--target-type", "REMOTE", "--target-repo", $"{registry.Host}/app"];

        CliOutcome.Succeeded(await TkoCli.BuildAsync(work.Path, arguments,
            Environment(work, ("TKO_REGISTRY_USER", "writer"), ("TKO_REGISTRY_PASS", "w-pass"))));
        Assert.True(registry.TokenServer!.TokensIssued > 0);

        ProcessResult refused = await TkoCli.BuildAsync(work.Path, arguments,
            Environment(work, ("TKO_REGISTRY_USER", "reader"), ("TKO_REGISTRY_PASS", "r-pass")));
        string line = CliOutcome.Failed(refused, CliOutcome.BuildFailed, registry.Host);
        Assert.DoesNotContain("r-pass", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_without_a_target_repository_is_a_usage_error()
    {
        using var work = new TempDirectory("push");
        WriteApp(work.Combine("src"));
        ProcessResult result = await TkoCli.BuildAsync(work.Path, [work.Combine("src"), "--base-ref", "scratch"], Environment(work));
        CliOutcome.Failed(result, CliOutcome.UsageError, "--target-repo");
    }
}
