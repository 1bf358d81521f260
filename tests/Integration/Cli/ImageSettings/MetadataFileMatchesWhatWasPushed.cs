using System.Text.Json;
using Tko.Integration.Support;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Cli.ImageSettings;

/// <summary>
/// <c>--metadata-file</c> (<c>TKO_METADATA_FILE</c>, <c>metadata-file:</c>) writes one JSON document whose
/// digests, layers, diffIDs and tags are those skopeo reads back from the registry, and whose byte
/// count is what was sent; for a layout or tarball, what the output holds.
/// </summary>
public sealed class MetadataFileMatchesWhatWasPushed
{
    [Fact]
    public async Task The_document_names_what_skopeo_reads_back_and_the_bytes_sent()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();
        string metadataPath = Path.Combine(image.Root, "metadata.json");

        (_, Digest printed) = CliOutcome.Succeeded(await image.PushAsync("v1", ["--tag", "stable", "--metadata-file", metadataPath, "--sbom", "none"]));

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(metadataPath));
        JsonElement metadata = document.RootElement;
        byte[] rawManifest = (await Skopeo.InspectAsync(image.Reference("v1"), image.Registry, null, "--raw")).RawOutput;
        JsonElement manifest = JsonDocument.Parse(rawManifest).RootElement;
        JsonElement config = JsonDocument.Parse((await Skopeo.InspectAsync(image.Reference("v1"), image.Registry, null, "--config")).RawOutput).RootElement;

        Assert.Equal(Digest.OfContent(rawManifest).ToString(), metadata.GetProperty("digest").GetString());
        Assert.Equal(printed.ToString(), metadata.GetProperty("digest").GetString());
        Assert.Equal($"{image.Registry.Host}/app@{printed}", metadata.GetProperty("reference").GetString());
        Assert.Equal(rawManifest.Length, metadata.GetProperty("size").GetInt64());
        Assert.Equal(manifest.GetProperty("mediaType").GetString(), metadata.GetProperty("mediaType").GetString());
        Assert.Equal(["v1", "stable"], metadata.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.True(await image.HasTagAsync("stable"), "the second tag was not pushed");
        Assert.Equal("registry", metadata.GetProperty("target").GetProperty("type").GetString());

        JsonElement platform = Assert.Single(metadata.GetProperty("platforms").EnumerateArray());
        Assert.Equal("linux/amd64", platform.GetProperty("platform").GetString());
        Assert.Equal(printed.ToString(), platform.GetProperty("manifest").GetProperty("digest").GetString());
        Assert.Equal(manifest.GetProperty("config").GetProperty("digest").GetString(), platform.GetProperty("config").GetProperty("digest").GetString());
        Assert.Equal(manifest.GetProperty("config").GetProperty("size").GetInt64(), platform.GetProperty("config").GetProperty("size").GetInt64());

        JsonElement[] pushedLayers = [.. manifest.GetProperty("layers").EnumerateArray()];
        JsonElement[] layers = [.. platform.GetProperty("layers").EnumerateArray()];
        string?[] diffIds = [.. config.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString())];
        Assert.True(pushedLayers.Length >= 2, "busybox and the new layer");
        Assert.Equal(pushedLayers.Select(l => (l.GetProperty("digest").GetString(), l.GetProperty("size").GetInt64(), l.GetProperty("mediaType").GetString())),
            layers.Select(l => (l.GetProperty("digest").GetString(), l.GetProperty("size").GetInt64(), l.GetProperty("mediaType").GetString())));
        Assert.Equal(diffIds, layers.Select(l => l.GetProperty("diffID").GetString()));
        Assert.Equal([.. Enumerable.Repeat("reused", layers.Length - 1), "built"], layers.Select(l => l.GetProperty("origin").GetString()!));
        // busybox was pushed to another repository of the same registry: its layers are mounted, the new one uploaded.
        Assert.Equal([.. Enumerable.Repeat("mounted", layers.Length - 1), "uploaded"], layers.Select(l => l.GetProperty("transfer").GetString()!));

        // Sent: the new layer, the config, and the manifest three times (by digest, v1, stable).
        long expected = layers[^1].GetProperty("size").GetInt64() + platform.GetProperty("config").GetProperty("size").GetInt64() + 3 * rawManifest.Length;
        Assert.Equal(expected, metadata.GetProperty("bytesUploaded").GetInt64());
        Assert.InRange(metadata.GetProperty("durationSeconds").GetDouble(), 0.001, 60);
        Assert.Equal(printed.ToString(), metadata.GetProperty("containerimage.digest").GetString());
        Assert.Equal($"{image.Registry.Host}/app:v1,{image.Registry.Host}/app:stable", metadata.GetProperty("image.name").GetString());
    }

    [Fact]
    public async Task A_repeated_push_from_the_variable_sends_only_manifests_and_replaces_the_file_whole()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();
        string metadataPath = Path.Combine(image.Root, "metadata.json");
        CliOutcome.Succeeded(await image.PushAsync("v1", ["--sbom", "none"], image.Environment(("TKO_METADATA_FILE", metadataPath))));
        string first = File.ReadAllText(metadataPath);

        CliOutcome.Succeeded(await image.PushAsync("v1", ["--sbom", "none"], image.Environment(("TKO_METADATA_FILE", metadataPath))));

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(metadataPath));
        JsonElement metadata = document.RootElement;
        JsonElement[] layers = [.. metadata.GetProperty("platforms")[0].GetProperty("layers").EnumerateArray()];
        Assert.All(layers, l => Assert.Equal("present", l.GetProperty("transfer").GetString()));
        Assert.Equal(2 * metadata.GetProperty("size").GetInt64(), metadata.GetProperty("bytesUploaded").GetInt64());
        Assert.NotEqual(first, File.ReadAllText(metadataPath));
        Assert.Equal(["metadata.json"], Directory.EnumerateFiles(image.Root).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("OCI_LAYOUT", "out-oci", "oci-layout")]
    [InlineData("LOCAL_FILE", "out.tar", "docker-archive")]
    public async Task A_layout_or_tarball_build_from_the_file_setting_describes_the_output(string targetType, string output, string type)
    {
        using var workspace = new CliWorkspace();
        string outputPath = workspace.Output(output);
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), "build:\n  metadata-file: result.json\n");

        (_, Digest printed) = CliOutcome.Succeeded(await workspace.BuildAsync(
            [workspace.Source, "--base-ref", "scratch", "--target-type", targetType, "--output", outputPath, "--tag", "v2"]));

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(workspace.Root, "result.json")));
        JsonElement metadata = document.RootElement;
        string reference = targetType == "OCI_LAYOUT" ? $"oci:{outputPath}:v2" : $"docker-archive:{outputPath}";
        JsonElement inspected = await ImageTools.SkopeoInspectAsync(reference);
        Assert.Equal(printed.ToString(), metadata.GetProperty("digest").GetString());
        Assert.Equal(type, metadata.GetProperty("target").GetProperty("type").GetString());
        Assert.Equal(outputPath, metadata.GetProperty("target").GetProperty("location").GetString());
        Assert.Equal(["v2"], metadata.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.False(metadata.TryGetProperty("bytesUploaded", out _), "a local output uploads nothing");
        JsonElement layer = Assert.Single(metadata.GetProperty("platforms")[0].GetProperty("layers").EnumerateArray());
        Assert.Equal("built", layer.GetProperty("origin").GetString());
        Assert.False(layer.TryGetProperty("transfer", out _), "transfer is for registries");
        if (targetType == "OCI_LAYOUT")
            Assert.Equal(printed.ToString(), inspected.GetProperty("Digest").GetString());
        // skopeo names a docker archive's layers by their diffIDs (it decompresses them), a layout's by their blobs.
        string layerName = targetType == "OCI_LAYOUT" ? "digest" : "diffID";
        Assert.Equal(layer.GetProperty(layerName).GetString(), Assert.Single(inspected.GetProperty("Layers").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task A_metadata_file_in_a_missing_directory_is_a_usage_error_before_anything_is_built()
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), "--metadata-file", Path.Combine(workspace.Root, "missing", "m.json")]);

        CliOutcome.Failed(result, CliOutcome.UsageError, "--metadata-file");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }
}
