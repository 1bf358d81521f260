using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>tko replaces an earlier OCI layout or an empty directory, and refuses any other directory with content.</summary>
public sealed class ExistingOutputIsReplacedOnlyWhenItIsALayout
{
    [Fact]
    public async Task An_earlier_layout_is_replaced_not_merged()
    {
        using var workspace = new CliWorkspace();
        string output = workspace.Output("img");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(output)));
        string[] earlierBlobs = Blobs(output);

        SampleTree.Write(workspace.Source, variant: "second");
        Digest second = CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(output))).Digest;

        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(output));
        Assert.Equal(second, image.ManifestDescriptor.Digest);
        string[] blobs = Blobs(output);
        Assert.Equal(3, blobs.Length); // manifest, config, layer: nothing of the earlier image is kept
        Assert.NotEqual(earlierBlobs, blobs);
        Assert.Equal(["img"], Directory.EnumerateFileSystemEntries(workspace.Outputs).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_empty_directory_becomes_the_layout()
    {
        using var workspace = new CliWorkspace();
        string output = workspace.Output("img");
        Directory.CreateDirectory(output);

        Digest digest = CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(output))).Digest;

        Assert.Equal(digest, Assert.Single(ImageValidation.ValidateLayout(output)).ManifestDescriptor.Digest);
    }

    [Fact]
    public async Task A_directory_that_is_not_a_layout_is_refused_and_left_alone()
    {
        using var workspace = new CliWorkspace();
        string output = workspace.Output("img");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "precious");

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(output));

        CliOutcome.Failed(result, CliOutcome.BuildFailed, output);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
        Assert.Equal("precious", File.ReadAllText(Path.Combine(output, "keep.txt")));
        Assert.Equal(["img"], Directory.EnumerateFileSystemEntries(workspace.Outputs, "*", new EnumerationOptions { AttributesToSkip = 0 }).Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_earlier_tarball_is_replaced()
    {
        using var workspace = new CliWorkspace();
        string output = workspace.Output("img.tar");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.TarballTo(output)));
        byte[] earlier = File.ReadAllBytes(output);

        SampleTree.Write(workspace.Source, variant: "second");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.TarballTo(output)));

        Assert.NotEqual(earlier, File.ReadAllBytes(output));
        Assert.Equal(["img.tar"], Directory.EnumerateFileSystemEntries(workspace.Outputs, "*", new EnumerationOptions { AttributesToSkip = 0 }).Select(Path.GetFileName));
    }

    private static string[] Blobs(string layout) =>
        [.. Directory.EnumerateFileSystemEntries(Path.Combine(layout, "blobs", "sha256"), "*", new EnumerationOptions { AttributesToSkip = 0 }).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
}
