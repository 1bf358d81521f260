using System.Text.Json;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli.ImageSettings;

/// <summary>
/// <c>--also-output oci:PATH|docker-archive:PATH</c> (repeatable, <c>TKO_ALSO_OUTPUT</c>) writes the
/// image just pushed from the same build: the layout holds the pushed manifest, and both hold
/// the registry's very layer bytes. A bad value is one line, exit 2, and nothing pushed or written.
/// </summary>
public sealed class AlsoOutputsHoldThePushedImage
{
    [Fact]
    public async Task A_layout_and_a_tarball_hold_the_pushed_manifest_and_the_registrys_layer_bytes()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();
        string layout = Path.Combine(image.Root, "extra-oci");
        string tarball = Path.Combine(image.Root, "extra.tar");

        ProcessResult result = await image.PushAsync("v2", ["--also-output", $"oci:{layout}", "--also-output", $"docker-archive:{tarball}"]);
        (_, Digest pushed) = CliOutcome.Succeeded(result);
        Assert.Contains("tagged v2", result.StandardError, StringComparison.Ordinal);

        // The layout: the pushed manifest's very bytes, readable by skopeo and unpacked by umoci.
        byte[] layoutManifest = await ImageTools.SkopeoRawManifestAsync($"oci:{layout}:v2");
        Assert.Equal(pushed, Digest.OfContent(layoutManifest));
        Assert.Equal((await image.ManifestAsync("v2")).GetRawText(), JsonDocument.Parse(layoutManifest).RootElement.GetRawText());
        ValidatedImage validated = Assert.Single(ImageValidation.ValidateLayout(layout));
        string rootfs = await ImageTools.UmociUnpackAsync(layout, "v2", Path.Combine(image.Root, "bundle-extra"));
        Assert.Equal(File.ReadAllText(Path.Combine(image.Source, "app")), File.ReadAllText(Path.Combine(rootfs, "tko-app", "app")));

        // The registry's blobs, copied out by skopeo, are byte for byte those of the layout and of the tarball.
        await image.UnpackAsync("v2");
        string copied = Path.Combine(image.Root, "copy-v2");
        string extracted = Path.Combine(image.Root, "extracted");
        Directory.CreateDirectory(extracted);
        await ImageTools.ExtractAsync(tarball, extracted);
        foreach (Descriptor layer in validated.Manifest.Layers)
        {
            byte[] fromRegistry = File.ReadAllBytes(Path.Combine(copied, "blobs", "sha256", layer.Digest.Hex));
            Assert.Equal(fromRegistry, File.ReadAllBytes(Path.Combine(layout, "blobs", "sha256", layer.Digest.Hex)));
            Assert.Equal(fromRegistry, File.ReadAllBytes(Path.Combine(extracted, "blobs", "sha256", layer.Digest.Hex)));
        }

        // skopeo reads the tarball as a docker archive: the pushed config's layers, by diffID.
        JsonElement archive = await ImageTools.SkopeoInspectAsync($"docker-archive:{tarball}");
        JsonElement config = JsonDocument.Parse((await Testing.Registry.Skopeo.InspectAsync(image.Reference("v2"), image.Registry, null, "--config")).RawOutput).RootElement;
        Assert.Equal(config.GetProperty("rootfs").GetProperty("diff_ids").EnumerateArray().Select(d => d.GetString()),
            archive.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
    }

    [Theory]
    [InlineData("--also-output", "tar:extra.tar")]
    [InlineData("--also-output", "oci:")]
    [InlineData("TKO_ALSO_OUTPUT", "oci:a,docker-archive:a")]
    [InlineData("TKO_ALSO_OUTPUT", "oci:missing/a")]
    public async Task A_bad_extra_output_is_one_line_exit_two_and_nothing_is_pushed_or_written(string where, string value)
    {
        await using RegistryImage image = await RegistryImage.StartAsync();
        string[] before = [.. Directory.EnumerateFileSystemEntries(image.Root)];

        ProcessResult result = where.StartsWith("--", StringComparison.Ordinal)
            ? await image.PushAsync("bad", [where, value])
            : await image.PushAsync("bad", [], image.Environment((where, value)));

        CliOutcome.Failed(result, CliOutcome.UsageError, where);
        Assert.False(await image.HasTagAsync("bad"), "a refused build pushed");
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(image.Root, "*", new EnumerationOptions { AttributesToSkip = 0 }));
    }
}
