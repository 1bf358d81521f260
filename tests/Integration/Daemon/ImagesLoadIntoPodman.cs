using System.Text.Json;
using Tko.Daemon;
using Tko.Integration.Cli;
using Tko.Testing.Daemon;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Daemon;

/// <summary>
/// Images reach a Docker Engine API daemon, here Podman's API service: the LOCAL_FILE tarball loads
/// through <c>POST /images/load</c>, LOCAL_DAEMON loads it directly, and the daemon lists each under
/// its tag with the config digest as its id.
/// </summary>
public sealed class ImagesLoadIntoPodman(PodmanApiService podman) : IClassFixture<PodmanApiService>
{
    [Fact]
    public async Task Local_file_tarball_loads_through_the_api_under_its_tag()
    {
        using var workspace = new CliWorkspace();
        string tarball = workspace.Output("img.tar");
        Digest printed = CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.TarballTo(tarball), "-t", "example.test/tarball"])).Digest;

        (int status, string body) = await podman.Api.LoadAsync(tarball);

        Assert.True(status == 200, $"load answered {status}: {body}\n{podman.Log}");
        JsonElement image = await podman.Api.FindImageAsync("example.test/tarball:latest");
        Assert.Equal(ConfigDigestOf(tarball, printed), image.GetProperty("Id").GetString());
    }

    [Fact]
    public async Task Local_daemon_loads_the_image_tagged_as_the_target_on_its_base()
    {
        using var workspace = new CliWorkspace();
        using var tmp = new TempDirectory("daemon-tmp");
        string baseLayout = workspace.Output("base");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(baseLayout), "--dest-path", "/base"]));
        var environment = new Dictionary<string, string?> { ["DOCKER_HOST"] = podman.DockerHost, ["TMPDIR"] = tmp.Path };

        (string name, Digest printed) = CliOutcome.Succeeded(await workspace.BuildAsync(environment,
            workspace.Source, "--base-ref", $"oci:{baseLayout}", "--target-type", "LOCAL_DAEMON", "--target-repo", "example.test/direct:v1"));

        Assert.Equal("example.test/direct", name);
        JsonElement listed = await podman.Api.FindImageAsync("example.test/direct:v1");
        JsonElement inspected = await podman.Api.InspectImageAsync("example.test/direct:v1");
        // The same build as an OCI layout gives the config and diffIDs the daemon must hold.
        string layout = workspace.Output("same");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.Source, "--base-ref", $"oci:{baseLayout}", "--target-type", "OCI_LAYOUT", "--output", layout, "--target-repo", "example.test/direct"));
        ValidatedImage expected = Assert.Single(ImageValidation.ValidateLayout(layout));
        Assert.Equal(printed, expected.ManifestDescriptor.Digest);
        Assert.Equal(expected.Manifest.Config.Digest.ToString(), listed.GetProperty("Id").GetString());
        Assert.Contains($"example.test/direct@{printed}", listed.GetProperty("RepoDigests").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(expected.Config.RootFs.DiffIds.Select(d => d.ToString()),
            inspected.GetProperty("RootFS").GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["/tko-app/app"], inspected.GetProperty("Config").GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp.Path));
    }

    [Fact]
    public async Task Rebuild_with_another_tag_adds_the_tag_to_the_same_image()
    {
        using var workspace = new CliWorkspace();
        var environment = new Dictionary<string, string?> { ["DOCKER_HOST"] = podman.DockerHost };
        // A destination of its own makes this image unlike the other tests' (the daemon is shared), so it carries only these tags.
        string[] build = [workspace.Source, "--base-ref", "scratch", "--dest-path", "/retag", "--target-type", "LOCAL_DAEMON", "--target-repo", "example.test/retag"];

        Digest first = CliOutcome.Succeeded(await workspace.BuildAsync(environment, build)).Digest;
        ProcessResult again = await workspace.BuildAsync(environment, [.. build, "--tag", "one", "--tag", "two", "--verbose"]);
        Digest second = CliOutcome.Succeeded(again).Digest;

        Assert.Equal(first, second);
        Assert.Contains($"{podman.DockerHost}: Loaded image: example.test/retag:", again.StandardError);
        JsonElement image = await podman.Api.FindImageAsync("example.test/retag:latest");
        Assert.Equal(["example.test/retag:latest", "example.test/retag:one", "example.test/retag:two"], DockerApi.RepoTags(image).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Library_target_names_its_daemon_without_the_environment()
    {
        using var workspace = new CliWorkspace();
        BuildSpec spec = BuildSpec.FromDirectory(workspace.Source, 0)
            .WithDestPath("/library")
            .WithTarget(Target.DockerDaemon("example.test/library:dev").WithDaemonHost(podman.DockerHost));

        BuildResult result = await Build.RunAsync(spec);

        Assert.Equal(podman.DockerHost, result.OutputPath);
        Assert.StartsWith("example.test/library@sha256:", result.Reference);
        JsonElement image = await podman.Api.FindImageAsync("example.test/library:dev");
        Assert.Equal(result.Config.Digest.ToString(), image.GetProperty("Id").GetString());
        // The target's own tag alone: a tagged reference does not also move latest.
        Assert.DoesNotContain("example.test/library:latest", DockerApi.RepoTags(image));
    }

    [Fact]
    public async Task Image_the_daemon_refuses_fails_with_its_message_on_one_line()
    {
        using var workspace = new CliWorkspace();
        string tarball = workspace.Output("img.tar");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.TarballTo(tarball)));
        // Keep only the first 1024 bytes: the directory entries, no manifest.json and no index.json.
        await using var truncated = new MemoryStream(File.ReadAllBytes(tarball)[..1024]);
        using var client = new DockerEngineClient(DockerHost.Resolve(podman.DockerHost, _ => null));

        var failure = await Assert.ThrowsAsync<DaemonException>(() => client.LoadAsync(truncated, CancellationToken.None));

        Assert.StartsWith($"the Docker daemon at {podman.DockerHost} refused the image", failure.Message);
        Assert.Contains("manifest.json", failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }

    // The config digest from the tarball's own manifest.json, checked against the printed manifest digest.
    private static string ConfigDigestOf(string tarball, Digest manifestDigest)
    {
        using var reader = new System.Formats.Tar.TarReader(File.OpenRead(tarball));
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            if (entry.DataStream is null) continue;
            var content = new MemoryStream();
            entry.DataStream.CopyTo(content);
            files[entry.Name] = content.ToArray();
        }
        byte[] manifest = files[$"blobs/sha256/{manifestDigest.Hex}"];
        using JsonDocument parsed = JsonDocument.Parse(manifest);
        string config = parsed.RootElement.GetProperty("config").GetProperty("digest").GetString()!;
        Assert.True(files.ContainsKey($"blobs/sha256/{config["sha256:".Length..]}"), $"config {config} is not in the tarball");
        return config;
    }
}
