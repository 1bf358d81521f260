using System.IO.Compression;
using System.Xml.Linq;
using Xunit;

namespace Tko.Integration.Packaging;

/// <summary>
/// The library package that <c>#r "nuget: Tko.Pipeline"</c> loads holds the dll, its XML docs (for
/// editor tooltips) and a README, and declares the packages the dll needs at the versions the
/// repository pins. It carries no generator: the <c>With…</c> methods are compiled into the dll.
/// </summary>
public sealed class LibraryPackageHoldsWhatConsumersNeed
{
    private static readonly string[] Dependencies = ["System.Reactive", "Polly.Core", "System.IO.Hashing", "Microsoft.Extensions.FileSystemGlobbing", "ZstdSharp.Port"];

    [Fact]
    public void Package_holds_the_dll_its_xml_docs_and_the_readme_and_no_analyzer()
    {
        using ZipArchive package = ZipFile.OpenRead(ShippedArtifacts.LibraryPackage);
        string[] entries = [.. package.Entries.Select(e => e.FullName)];

        Assert.Contains("lib/net10.0/Tko.Pipeline.dll", entries);
        Assert.Contains("lib/net10.0/Tko.Pipeline.xml", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal));
        Assert.Contains("<member name=\"M:Tko.BuildSpec.FromEnvironment(System.String)\">", Text(package, "lib/net10.0/Tko.Pipeline.xml"));
    }

    [Fact]
    public void Package_declares_its_dependencies_at_the_pinned_versions_and_names_its_readme()
    {
        using ZipArchive package = ZipFile.OpenRead(ShippedArtifacts.LibraryPackage);
        XElement metadata = XDocument.Parse(Text(package, "Tko.Pipeline.nuspec")).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Dictionary<string, string> declared = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);

        Assert.Equal(Dependencies.Order(), declared.Keys.Order());
        foreach (string id in Dependencies)
            Assert.Equal(PinnedVersion(id), declared[id]);
        Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);
    }

    private static string Text(ZipArchive package, string entry)
    {
        using var reader = new StreamReader(package.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private static string PinnedVersion(string id) =>
        XDocument.Load(Path.Combine(ShippedArtifacts.RepositoryRoot, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => e.Attribute("Include")!.Value == id).Attribute("Version")!.Value;
}
