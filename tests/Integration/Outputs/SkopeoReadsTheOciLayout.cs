using System.Text.Json;
using Tko.Integration.Cli;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Outputs;

/// <summary>skopeo opens tko's OCI layout and sees the manifest, config and layer tko wrote.</summary>
public sealed class SkopeoReadsTheOciLayout
{
    [Fact]
    public async Task Inspect_reports_the_printed_digest_and_the_layer()
    {
        using var workspace = new CliWorkspace();
        string layout = workspace.Output("img");
        Digest printed = CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(layout))).Digest;
        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(layout));

        JsonElement inspected = await ImageTools.SkopeoInspectAsync($"oci:{layout}");

        Assert.Equal(printed.ToString(), inspected.GetProperty("Digest").GetString());
        Assert.Equal([Assert.Single(image.Manifest.Layers).Digest.ToString()], inspected.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("linux", inspected.GetProperty("Os").GetString());
        Assert.Equal("amd64", inspected.GetProperty("Architecture").GetString());
    }

    [Fact]
    public async Task Raw_manifest_is_the_manifest_blob_byte_for_byte()
    {
        using var workspace = new CliWorkspace();
        string layout = workspace.Output("img");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(layout)));
        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(layout));

        byte[] raw = await ImageTools.SkopeoRawManifestAsync($"oci:{layout}:latest");

        Assert.Equal(ImageValidation.ReadBlob(layout, image.ManifestDescriptor), raw);
        Assert.Equal(image.ManifestDescriptor.Digest, Digest.OfContent(raw));
    }

    [Fact]
    public async Task Config_has_entrypoint_platform_epoch_time_one_history_entry_and_one_diff_id()
    {
        using var workspace = new CliWorkspace();
        string layout = workspace.Output("img");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(layout), "--entrypoint", "/tko-app/lib/tool", "--platforms", "linux/arm64/v8"]));
        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(layout));

        JsonElement config = await ImageTools.SkopeoInspectAsync($"oci:{layout}", "--config");

        Assert.Equal(["/tko-app/lib/tool"], config.GetProperty("config").GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("linux", config.GetProperty("os").GetString());
        Assert.Equal("arm64", config.GetProperty("architecture").GetString());
        Assert.Equal("v8", config.GetProperty("variant").GetString());
        Assert.Equal("1970-01-01T00:00:00Z", config.GetProperty("created").GetString());
        Assert.Equal(1, config.GetProperty("history").GetArrayLength());
        JsonElement diffId = Assert.Single(config.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray());
        Assert.Equal(Digest.OfContent(Assert.Single(image.LayerTars)).ToString(), diffId.GetString());
    }
}
