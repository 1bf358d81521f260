using System.Text.Json;
using Tko.Integration.Cli;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;
using static Tko.Integration.MultiPlatform.PlatformTrees;

namespace Tko.Integration.MultiPlatform;

/// <summary>
/// For several platforms, <c>--metadata-file</c> names the index and each platform's manifest as the
/// layout holds them; an extra <c>oci:</c> output holds the same index; a <c>docker-archive:</c> one is refused.
/// </summary>
public sealed class SeveralPlatformsInTheMetadataAndExtraOutputs
{
    [Fact]
    public async Task The_index_and_each_platforms_manifest_are_described_and_the_extra_layout_holds_the_same_index()
    {
        using var workspace = new CliWorkspace(withSampleTree: false);
        Write(workspace.Source, Amd64);
        Write(workspace.Source, Arm64);
        string layout = workspace.Output("oci");
        string extra = workspace.Output("extra-oci");
        string metadataPath = workspace.Output("metadata.json");

        (_, Digest printed) = CliOutcome.Succeeded(await workspace.BuildAsync(
            [workspace.Source, "--base-ref", "scratch", "--platforms", "linux/amd64,linux/arm64", "--target-type", "OCI_LAYOUT", "--output", layout,
             "--also-output", $"oci:{extra}", "--metadata-file", metadataPath]));

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(metadataPath));
        JsonElement metadata = document.RootElement;
        byte[] index = await ImageTools.SkopeoRawManifestAsync($"oci:{layout}:latest");
        Assert.Equal(printed, Digest.OfContent(index));
        Assert.Equal(printed.ToString(), metadata.GetProperty("digest").GetString());
        Assert.Equal(MediaTypes.OciIndex, metadata.GetProperty("mediaType").GetString());
        Assert.Equal(index, await ImageTools.SkopeoRawManifestAsync($"oci:{extra}:latest"));

        IReadOnlyList<ValidatedImage> images = ImageValidation.ValidateLayout(layout);
        JsonElement[] platforms = [.. metadata.GetProperty("platforms").EnumerateArray()];
        Assert.Equal(["linux/amd64", "linux/arm64"], platforms.Select(p => p.GetProperty("platform").GetString()!));
        for (int i = 0; i < images.Count; i++)
        {
            Assert.Equal(images[i].ManifestDescriptor.Digest.ToString(), platforms[i].GetProperty("manifest").GetProperty("digest").GetString());
            JsonElement layer = Assert.Single(platforms[i].GetProperty("layers").EnumerateArray());
            Assert.Equal(images[i].Manifest.Layers[0].Digest.ToString(), layer.GetProperty("digest").GetString());
            Assert.Equal(images[i].Config.RootFs.DiffIds[0].ToString(), layer.GetProperty("diffID").GetString());
            Assert.Equal("built", layer.GetProperty("origin").GetString());
        }
    }

    [Fact]
    public async Task A_docker_archive_extra_output_of_several_platforms_is_a_usage_error()
    {
        using var workspace = new CliWorkspace(withSampleTree: false);
        Write(workspace.Source, Amd64);
        Write(workspace.Source, Arm64);

        CliOutcome.Failed(await workspace.BuildAsync(
            [workspace.Source, "--base-ref", "scratch", "--platforms", "linux/amd64,linux/arm64", "--target-type", "OCI_LAYOUT", "--output", workspace.Output("oci"),
             "--also-output", $"docker-archive:{workspace.Output("x.tar")}"]), CliOutcome.UsageError, "--also-output");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }
}
