using System.Text.Json;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Cli.ImageSettings;

/// <summary>
/// <c>--platforms all</c> builds every platform the base index lists that SOURCE has an
/// <c>os/arch</c> directory for, and is one <c>tko:</c> line naming the paths looked for when SOURCE has none.
/// </summary>
public sealed class AllPlatformsOfTheBase
{
    private static string PlatformSource(RegistryImage image, params string[] platforms)
    {
        string source = Path.Combine(image.Root, "dist");
        foreach (string platform in platforms)
        {
            string directory = Path.Combine(source, platform);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "app"), $"#!/bin/sh\necho {platform}\n");
            File.SetUnixFileMode(Path.Combine(directory, "app"), (UnixFileMode)0b111_101_101);
        }
        Directory.CreateDirectory(source);
        return source;
    }

    private static Task<ProcessResult> PushAllAsync(RegistryImage image, string source, string tag) =>
        TkoCli.BuildAsync(image.Root, [source, "--base-ref", image.BaseRef, "--target-repo", image.Reference(tag), "--platforms", "all"], image.Environment());

    [Fact]
    public async Task Every_platform_of_the_base_index_with_a_source_directory_is_in_the_pushed_index()
    {
        await using RegistryImage image = await RegistryImage.StartWithIndexAsync();
        string source = PlatformSource(image, "linux/amd64", "linux/arm64");

        CliOutcome.Succeeded(await PushAllAsync(image, source, "v1"));

        JsonElement index = await image.ManifestAsync("v1");
        Assert.Equal(MediaTypes.OciIndex, index.GetProperty("mediaType").GetString());
        Assert.Equal(["linux/amd64", "linux/arm64"],
            index.GetProperty("manifests").EnumerateArray().Select(m => $"{m.GetProperty("platform").GetProperty("os").GetString()}/{m.GetProperty("platform").GetProperty("architecture").GetString()}"));
    }

    [Fact]
    public async Task A_platform_without_a_source_directory_is_left_out_and_one_left_gives_its_own_manifest()
    {
        await using RegistryImage image = await RegistryImage.StartWithIndexAsync();
        string source = PlatformSource(image, "linux/arm64");

        CliOutcome.Succeeded(await PushAllAsync(image, source, "arm"));

        JsonElement manifest = await image.ManifestAsync("arm");
        Assert.Equal(MediaTypes.OciManifest, manifest.GetProperty("mediaType").GetString());
        ProcessResult inspect = await Skopeo.InspectAsync(image.Reference("arm"), image.Registry, null, "--config");
        Assert.Equal("arm64", JsonDocument.Parse(inspect.StandardOutput).RootElement.GetProperty("architecture").GetString());
        string rootfs = await image.UnpackAsync("arm");
        Assert.Equal("#!/bin/sh\necho linux/arm64\n", File.ReadAllText(Path.Combine(rootfs, "tko-app", "app")));
    }

    [Fact]
    public async Task Source_without_any_platform_directory_is_one_line_naming_what_is_missing_and_nothing_is_pushed()
    {
        await using RegistryImage image = await RegistryImage.StartWithIndexAsync();
        string source = PlatformSource(image, "linux/s390x");

        string error = CliOutcome.Failed(await PushAllAsync(image, source, "none"), CliOutcome.UsageError, "tko: --platforms: all: ");

        Assert.Contains("linux/amd64, linux/arm64", error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(source, "linux/amd64"), error, StringComparison.Ordinal);
        Assert.False(await image.HasTagAsync("none"), "a refused build pushed");
    }
}
