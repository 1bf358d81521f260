using System.Globalization;
using System.Security.Cryptography;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Sbom;

/// <summary>The SPDX document of a build: the image by its manifest digest, each added file with its digests, the base, the build's time.</summary>
public sealed class SpdxDocumentsListWhatTheLayerAdds
{
    [Fact]
    public async Task Every_added_file_is_listed_by_image_path_with_the_digests_of_its_content()
    {
        using var work = new TempDirectory("sbom-files");
        string source = work.Combine("src");
        Directory.CreateDirectory(Path.Combine(source, "lib"));
        File.WriteAllText(Path.Combine(source, "app"), "#!/bin/sh\necho hi\n");
        File.WriteAllBytes(Path.Combine(source, "lib", "data.bin"), RandomNumberGenerator.GetBytes(200_000));
        File.CreateSymbolicLink(Path.Combine(source, "link"), "app");

        BuildResult result = await Build.RunAsync(BuildSpec.FromDirectory(source, 1_700_000_000)
            .WithTarget(Target.OciLayout(work.Combine("out"))).WithSbom(SbomFormat.Spdx));

        SbomDocument sbom = Assert.Single(result.Sboms);
        Assert.Equal(result.Manifest.Digest, sbom.Subject.Digest);
        SpdxReading spdx = SpdxReading.Parse(sbom.Content);
        Assert.Equal("SPDX-2.3", spdx.Root.GetProperty("spdxVersion").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            spdx.Root.GetProperty("creationInfo").GetProperty("created").GetString());
        Assert.Contains(result.Manifest.Digest.Hex, spdx.Root.GetProperty("documentNamespace").GetString(), StringComparison.Ordinal);
        Assert.Equal(result.Manifest.Digest.ToString(), spdx.Package("SPDXRef-Image").GetProperty("versionInfo").GetString());
        Assert.Equal(["SPDXRef-Image"], spdx.Related("SPDXRef-DOCUMENT", "DESCRIBES"));

        string[] onDisk = ["app", "lib/data.bin"];
        Assert.Equal(onDisk.Select(f => "/tko-app/" + f), spdx.Files.Select(f => f.GetProperty("fileName").GetString()));
        foreach (string relative in onDisk)
        {
            byte[] content = File.ReadAllBytes(Path.Combine(source, relative));
            var listed = spdx.Files.Single(f => f.GetProperty("fileName").GetString() == "/tko-app/" + relative);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), SpdxReading.Checksum(listed, "SHA256"));
            Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(content)), SpdxReading.Checksum(listed, "SHA1"));
            Assert.Equal($"size: {content.Length} bytes", listed.GetProperty("comment").GetString());
            Assert.Contains(listed.GetProperty("SPDXID").GetString(), spdx.Related("SPDXRef-Image", "CONTAINS"));
        }
    }

    [Fact]
    public async Task The_base_is_a_package_with_its_manifest_digest_that_the_image_descends_from()
    {
        using var work = new TempDirectory("sbom-base");
        string source = work.Combine("src");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "app"), "app\n");
        BuildResult baseImage = await Build.RunAsync(BuildSpec.FromDirectory(source).WithDestPath("/base").WithTarget(Target.OciLayout(work.Combine("base"))));

        BuildResult result = await Build.RunAsync(BuildSpec.FromDirectory(source).WithBaseRef("oci:" + work.Combine("base"))
            .WithTarget(Target.OciLayout(work.Combine("out"))).WithSbom(SbomFormat.Spdx));

        SpdxReading spdx = SpdxReading.Parse(result.Sboms.Single().Content);
        Assert.Equal(["SPDXRef-BaseImage"], spdx.Related("SPDXRef-Image", "DESCENDANT_OF"));
        var basePackage = spdx.Package("SPDXRef-BaseImage");
        Assert.Equal(baseImage.Manifest.Digest.ToString(), basePackage.GetProperty("versionInfo").GetString());
        Assert.StartsWith("pkg:oci/", SpdxReading.Purl(basePackage), StringComparison.Ordinal);
        Assert.Contains("@sha256%3A" + baseImage.Manifest.Digest.Hex, SpdxReading.Purl(basePackage), StringComparison.Ordinal);
        // Only the new layer's files: the base's /base/app is not listed.
        Assert.Equal(["/tko-app/app"], spdx.Files.Select(f => f.GetProperty("fileName").GetString()));
    }

    [Fact]
    public async Task The_sbom_does_not_change_the_image()
    {
        using var work = new TempDirectory("sbom-same");
        string source = work.Combine("src");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "app"), "app\n");

        BuildResult without = await Build.RunAsync(BuildSpec.FromDirectory(source).WithTarget(Target.OciLayout(work.Combine("a"))));
        BuildResult with = await Build.RunAsync(BuildSpec.FromDirectory(source).WithTarget(Target.OciLayout(work.Combine("b"))).WithSbom(SbomFormat.Spdx));

        Assert.Empty(without.Sboms);
        Assert.Equal(without.Manifest, with.Manifest);
    }
}
