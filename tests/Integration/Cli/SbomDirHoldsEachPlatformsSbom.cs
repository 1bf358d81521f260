using System.Text.Json;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>--sbom-dir writes one SPDX file per platform, describing that platform's manifest; --sbom none writes none; a layout, which cannot hold the referrer yet, says so.</summary>
public sealed class SbomDirHoldsEachPlatformsSbom
{
    [Fact]
    public async Task Each_platform_gets_a_file_naming_its_manifest_digest()
    {
        using var workspace = new CliWorkspace();
        foreach (string platform in new[] { "linux/amd64", "linux/arm64" })
        {
            Directory.CreateDirectory(Path.Combine(workspace.Root, "multi", platform));
            File.WriteAllText(Path.Combine(workspace.Root, "multi", platform, "app"), $"built for {platform}\n");
        }
        string sboms = workspace.Output("sboms");
        Directory.CreateDirectory(sboms);

        ProcessResult result = await workspace.BuildAsync(Path.Combine(workspace.Root, "multi"), "--base-ref", "scratch", "--target-type", "OCI_LAYOUT",
            "--output", workspace.Output("img"), "--platforms", "linux/amd64,linux/arm64", "--sbom-dir", sboms);

        CliOutcome.Succeeded(result);
        var manifests = ImageValidation.ValidateLayout(workspace.Output("img"));
        Assert.Equal(["linux-amd64.spdx.json", "linux-arm64.spdx.json"], Directory.GetFiles(sboms).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach ((string file, int i) in new[] { "linux-amd64.spdx.json", "linux-arm64.spdx.json" }.Select((f, i) => (f, i)))
        {
            using var spdx = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sboms, file)));
            Assert.Equal(manifests[i].ManifestDescriptor.Digest.ToString(), spdx.RootElement.GetProperty("packages")[0].GetProperty("versionInfo").GetString());
        }
    }

    [Fact]
    public async Task Sbom_none_writes_no_file()
    {
        using var workspace = new CliWorkspace();
        string sboms = workspace.Output("sboms");
        Directory.CreateDirectory(sboms);

        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), "--sbom", "none", "--sbom-dir", sboms]));

        Assert.Empty(Directory.GetFiles(sboms));
    }

    [Fact]
    public async Task A_layout_asked_for_an_sbom_says_it_cannot_hold_one_and_holds_only_the_image()
    {
        using var workspace = new CliWorkspace();
        string output = workspace.Output("img");

        ProcessResult result = await workspace.BuildAsync([.. workspace.OciLayoutTo(output), "--sbom", "spdx"]);

        CliOutcome.Succeeded(result);
        Assert.Contains("does not yet hold the SBOM as a referrer; give --sbom-dir to keep it", result.StandardError);
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "index.json")));
        Assert.Equal(1, index.RootElement.GetProperty("manifests").GetArrayLength());
    }
}
