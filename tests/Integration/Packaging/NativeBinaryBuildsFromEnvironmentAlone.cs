using System.Text.Json;
using Tko.Integration.Cli;
using Tko.Integration.Support;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Packaging;

/// <summary>
/// The Native AOT binary, configured the way the original tko's README does it — environment
/// variables only, no flags — pushes a runnable image onto a base in a loopback registry.
/// </summary>
public sealed class NativeBinaryBuildsFromEnvironmentAlone
{
    [Fact]
    public async Task Env_vars_alone_push_an_image_that_runs_its_entrypoint()
    {
        string tko = ShippedArtifacts.NativeBinary;
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string baseRef = await BusyboxImage.PushAsync(registry, "busybox");
        using var work = new TempDirectory("native");
        string source = work.Combine("dist");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "run"), "#!/bin/sh\necho \"native tko, $(cat /srv/app/word.txt)\"\n");
        File.SetUnixFileMode(Path.Combine(source, "run"), (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(source, "word.txt"), "no flags");
        Directory.CreateDirectory(work.Combine("docker"));

        Dictionary<string, string?> environment = TkoCli.CleanEnvironment(new Dictionary<string, string?>
        {
            ["DOCKER_CONFIG"] = work.Combine("docker"),
            ["TKO_SOURCE_PATH"] = source,
            ["TKO_BASE_IMAGE"] = baseRef,
            ["TKO_TARGET_REPO"] = $"{registry.Host}/native/app:ci",
            ["TKO_DEST_PATH"] = "/srv/app",
            ["TKO_ENTRYPOINT"] = "/srv/app/run",
        });
        ProcessResult result = await ProcessRunner.RunAsync(tko, ["build"], work.Path, environment, TimeSpan.FromSeconds(60));

        (string name, var digest) = CliOutcome.Succeeded(result);
        Assert.Equal($"{registry.Host}/native/app", name);
        ProcessResult inspect = await Skopeo.InspectAsync($"{registry.Host}/native/app:ci", registry, null, "--config");
        using JsonDocument config = JsonDocument.Parse(inspect.StandardOutput);
        Assert.Equal(["/srv/app/run"], config.RootElement.GetProperty("config").GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));

        string layout = work.Combine("copy");
        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"),
            ["--insecure-policy", "copy", .. Skopeo.RegistryFlags("src-", registry, null), $"docker://{registry.Host}/native/app@{digest}", $"oci:{layout}:ci"]);
        string rootfs = await ImageTools.UmociUnpackAsync(layout, "ci", work.Combine("bundle"));
        ProcessResult run = await ProcessRunner.RunCheckedAsync(RequiredTool.Find("chroot", "coreutils"), [rootfs, "/srv/app/run"]);
        Assert.Equal("native tko, no flags\n", run.StandardOutput);
    }
}
