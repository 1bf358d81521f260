using System.Formats.Tar;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>Without --output, an OCI layout goes to out-oci and a docker tarball to out.tar in the working directory.</summary>
public sealed class DefaultOutputNames
{
    [Fact]
    public async Task Oci_layout_goes_to_out_oci()
    {
        using var workspace = new CliWorkspace();

        Digest digest = CliOutcome.Succeeded(await workspace.BuildAsync(workspace.Source, "--base-ref", "scratch", "--target-type", "OCI_LAYOUT")).Digest;

        Assert.Equal(["out", "out-oci", "src"], Entries(workspace.Root));
        Assert.Equal(digest, Assert.Single(ImageValidation.ValidateLayout(Path.Combine(workspace.Root, "out-oci"))).ManifestDescriptor.Digest);
    }

    [Fact]
    public async Task Docker_tarball_goes_to_out_tar()
    {
        using var workspace = new CliWorkspace();

        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.Source, "--base-ref", "scratch", "--target-type", "LOCAL_FILE"));

        Assert.Equal(["out", "out.tar", "src"], Entries(workspace.Root));
        using var reader = new TarReader(File.OpenRead(Path.Combine(workspace.Root, "out.tar")));
        var names = new List<string>();
        while (reader.GetNextEntry() is { } entry) names.Add(entry.Name);
        Assert.Contains("manifest.json", names);
        Assert.Contains("index.json", names);
    }

    private static string[] Entries(string directory) =>
        [.. Directory.EnumerateFileSystemEntries(directory, "*", new EnumerationOptions { AttributesToSkip = 0 }).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
