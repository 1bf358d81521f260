using System.Security.Cryptography;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Sbom;

/// <summary>
/// The packages of a real deps.json (this test assembly's own, beside its dlls) are listed with
/// what restore recorded of them (project.assets.json: the package's SHA-512) and own files whose
/// content is in the NuGet cache's copy of that package.
/// </summary>
public sealed class NuGetPackagesComeFromDepsJson
{
    private static readonly string NuGetCache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    [Fact]
    public async Task Each_package_has_the_cache_sha512_and_owns_files_that_came_from_it()
    {
        using var work = new TempDirectory("sbom-nuget");
        string source = work.Combine("src");
        Directory.CreateDirectory(source);
        string bin = AppContext.BaseDirectory;
        foreach (string file in Directory.GetFiles(bin, "*.dll").Append(Path.Combine(bin, "Tko.Integration.deps.json")))
            File.Copy(file, Path.Combine(source, Path.GetFileName(file)));
        Directory.CreateDirectory(Path.Combine(source, "de"));
        foreach (string file in Directory.GetFiles(Path.Combine(bin, "de")))
            File.Copy(file, Path.Combine(source, "de", Path.GetFileName(file)));

        BuildResult result = await Build.RunAsync(BuildSpec.FromDirectory(source).WithTarget(Target.OciLayout(work.Combine("out"))).WithSbom(SbomFormat.Spdx));

        SbomDocument sbom = result.Sboms.Single();
        Assert.Empty(sbom.Warnings);
        SpdxReading spdx = SpdxReading.Parse(sbom.Content);
        var packages = spdx.Packages.Where(p => p.GetProperty("SPDXID").GetString()!.StartsWith("SPDXRef-Package-NuGet-", StringComparison.Ordinal)).ToList();
        Assert.Contains(packages, p => p.GetProperty("name").GetString() == "xunit.core");
        Assert.Contains(packages, p => p.GetProperty("name").GetString() == "Microsoft.TestPlatform.ObjectModel");
        using var assets = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(bin, "..", "..", "..", "obj", "project.assets.json")));
        var restored = assets.RootElement.GetProperty("libraries");
        int ownedFiles = 0;
        foreach (var package in packages)
        {
            string name = package.GetProperty("name").GetString()!, version = package.GetProperty("versionInfo").GetString()!;
            Assert.Equal($"pkg:nuget/{name}@{version}", SpdxReading.Purl(package));
            string cached = Path.Combine(NuGetCache, name.ToLowerInvariant(), version.ToLowerInvariant());
            string sha512 = restored.GetProperty($"{name}/{version}").GetProperty("sha512").GetString()!;
            Assert.Equal(Convert.ToHexStringLower(Convert.FromBase64String(sha512)), SpdxReading.Checksum(package, "SHA512"));
            var cachedDigests = Directory.EnumerateFiles(cached, "*", SearchOption.AllDirectories)
                .Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).ToHashSet();
            foreach (string fileId in spdx.Related(package.GetProperty("SPDXID").GetString()!, "CONTAINS"))
            {
                Assert.Contains(SpdxReading.Checksum(spdx.File(fileId), "SHA256"), cachedDigests);
                ownedFiles++;
            }
        }
        var objectModel = packages.Single(p => p.GetProperty("name").GetString() == "Microsoft.TestPlatform.ObjectModel");
        Assert.Contains("/tko-app/de/Microsoft.TestPlatform.CoreUtilities.resources.dll",
            spdx.Related(objectModel.GetProperty("SPDXID").GetString()!, "CONTAINS").Select(id => spdx.File(id).GetProperty("fileName").GetString()));
        Assert.Contains("/tko-app/Newtonsoft.Json.dll", packages.Where(p => p.GetProperty("name").GetString() == "Newtonsoft.Json")
            .SelectMany(p => spdx.Related(p.GetProperty("SPDXID").GetString()!, "CONTAINS")).Select(id => spdx.File(id).GetProperty("fileName").GetString()));
        Assert.True(ownedFiles > packages.Count / 2, $"only {ownedFiles} files belong to {packages.Count} packages");
    }

    [Fact]
    public async Task A_malformed_deps_json_is_a_warning_and_lists_no_packages()
    {
        using var work = new TempDirectory("sbom-bad-deps");
        string source = work.Combine("src");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "app.deps.json"), "{\"libraries\": {\"A/1.0\": {\"type\": \"package\", \"sha512\": \"sha512-not base64\"}}");
        File.WriteAllText(Path.Combine(source, "app.dll"), "not really\n");

        BuildResult result = await Build.RunAsync(BuildSpec.FromDirectory(source).WithTarget(Target.OciLayout(work.Combine("out"))).WithSbom(SbomFormat.Spdx));

        SbomDocument sbom = result.Sboms.Single();
        Assert.Contains(sbom.Warnings, w => w.StartsWith("/tko-app/app.deps.json: not a readable deps.json", StringComparison.Ordinal));
        SpdxReading spdx = SpdxReading.Parse(sbom.Content);
        Assert.Equal(["SPDXRef-Image"], spdx.Packages.Select(p => p.GetProperty("SPDXID").GetString()));
        Assert.Equal(2, spdx.Files.Count());
    }
}
