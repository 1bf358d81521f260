using System.Text.Json;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Sbom;

/// <summary>On a registry without the referrers API (the distribution registry), the SBOM is listed in the sha256-HEX referrers tag's index.</summary>
public sealed class SbomIsAttachedAsAReferrer
{
    [Fact]
    public async Task The_referrers_tag_lists_an_artifact_whose_subject_is_the_image_and_whose_blob_is_the_sbom()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using var work = new TempDirectory("sbom-referrer");
        string source = work.Combine("src");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "app"), "app\n");

        BuildResult result = await Build.RunAsync(BuildSpec.FromDirectory(source)
            .WithTarget(Target.Registry($"{registry.Host}/app:v1")).WithRepository($"{registry.Host}/app").WithSbom(SbomFormat.Spdx));

        SbomDocument sbom = result.Sboms.Single();
        ProcessResult tag = await Skopeo.InspectAsync($"{registry.Host}/app:sha256-{result.Manifest.Digest.Hex}", registry, null, "--raw");
        using var index = JsonDocument.Parse(tag.StandardOutput);
        JsonElement listed = index.RootElement.GetProperty("manifests").EnumerateArray().Single();
        Assert.Equal(SbomDocument.SpdxMediaType, listed.GetProperty("artifactType").GetString());
        ProcessResult artifact = await Skopeo.InspectAsync($"{registry.Host}/app@{listed.GetProperty("digest").GetString()}", registry, null, "--raw");
        using var manifest = JsonDocument.Parse(artifact.StandardOutput);
        Assert.Equal(result.Manifest.Digest.ToString(), manifest.RootElement.GetProperty("subject").GetProperty("digest").GetString());
        JsonElement layer = manifest.RootElement.GetProperty("layers").EnumerateArray().Single();
        Assert.Equal(sbom.Digest.ToString(), layer.GetProperty("digest").GetString());
        using var client = new RegistryClient(RegistryClientOptions.Default with { InsecureRegistries = [registry.Host] });
        ReadOnlyMemory<byte> blob = await client.GetBlobAsync(ImageReference.Parse($"{registry.Host}/app"), new Descriptor(SbomDocument.SpdxMediaType, sbom.Digest, sbom.Content.Length));
        Assert.Equal(sbom.Content, blob.ToArray());
    }
}
