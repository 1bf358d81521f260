using System.Text.Json;
using Xunit;

namespace Tko.Integration.Cli.ImageSettings;

/// <summary>
/// <c>-A</c>/<c>-a</c> and the base's name and digest land both in the config's Labels and in the
/// manifest's annotations; <c>--label</c> only in Labels; a base's own labels are kept unless replaced.
/// </summary>
public sealed class AnnotationsAreAlsoLabels
{
    private const string Source = "org.opencontainers.image.source";

    [Fact]
    public async Task Annotations_and_base_name_reach_labels_and_manifest_and_label_only_the_config()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();

        CliOutcome.Succeeded(await image.PushAsync("v1",
            ["-A", $"{Source}=https://example.com/app,tier=gold", "-a", "tier=platinum", "--label", "team=core", "--label", "tier=label-wins"]));

        Dictionary<string, string> labels = RegistryImage.Map((await image.ConfigAsync("v1")).GetProperty("Labels"));
        Dictionary<string, string> annotations = RegistryImage.Map((await image.ManifestAsync("v1")).GetProperty("annotations"));
        Assert.Equal(image.BaseRef, annotations["org.opencontainers.image.base.name"]);
        Assert.StartsWith("sha256:", annotations["org.opencontainers.image.base.digest"], StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string>
        {
            ["org.opencontainers.image.base.digest"] = annotations["org.opencontainers.image.base.digest"],
            ["org.opencontainers.image.base.name"] = image.BaseRef,
            [Source] = "https://example.com/app",
            ["tier"] = "platinum",
        }, annotations);
        Assert.Equal(new Dictionary<string, string>(annotations) { ["team"] = "core", ["tier"] = "label-wins" }, labels);
    }

    [Fact]
    public async Task A_base_images_labels_are_kept_unless_replaced_and_labels_come_from_variable_and_file()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();
        CliOutcome.Succeeded(await image.PushAsync("base", [], image.Environment(("TKO_LABELS", "vendor=acme,keep=yes"))));

        File.WriteAllText(Path.Combine(image.Root, ".tko.yml"), "build:\n  labels:\n    vendor: us\n");
        CliOutcome.Succeeded(await image.PushAsync("derived", [], baseRef: image.Reference("base")));

        Dictionary<string, string> labels = RegistryImage.Map((await image.ConfigAsync("derived")).GetProperty("Labels"));
        Assert.Equal("yes", labels["keep"]);
        Assert.Equal("us", labels["vendor"]);
        Assert.Equal(image.Reference("base"), labels["org.opencontainers.image.base.name"]);
        JsonElement manifest = await image.ManifestAsync("derived");
        Assert.False(RegistryImage.Map(manifest.GetProperty("annotations")).ContainsKey("vendor"), "a --label reached the manifest");
    }

    [Fact]
    public async Task A_label_that_is_not_key_value_is_one_line_and_nothing_is_pushed()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();

        CliOutcome.Failed(await image.PushAsync("bad", ["--label", "novalue"]), CliOutcome.UsageError, "--label");

        Assert.False(await image.HasTagAsync("bad"), "a refused build pushed");
    }
}
