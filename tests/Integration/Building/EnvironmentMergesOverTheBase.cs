using Tko.Integration.Cli;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Building;

/// <summary>A build's variables go over the base's: same key replaced in place, new keys appended, PATH kept unless given; the base is named in ko's annotations.</summary>
public sealed class EnvironmentMergesOverTheBase
{
    [Fact]
    public void Same_key_is_replaced_in_place_and_new_keys_are_appended()
    {
        Assert.Equal(["PATH=/usr/bin:/bin", "HOME=/home/app", "LANG=C", "NEW=1"],
            EnvironmentMerge.Over(["PATH=/usr/bin:/bin", "HOME=/root", "LANG=C"], ["HOME=/home/app", "NEW=1"]));
        Assert.Equal(["PATH=/opt/bin", "A=2"], EnvironmentMerge.Over(["PATH=/bin", "A=1"], ["PATH=/opt/bin", "A=3", "A=2"]));
        Assert.Equal(["X=1"], EnvironmentMerge.Over([], ["X=1"]));
    }

    [Fact]
    public async Task Child_image_keeps_the_bases_path_and_records_the_base()
    {
        using var workspace = new CliWorkspace();
        string baseLayout = workspace.Output("base");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(baseLayout), "--dest-path", "/base",
            "-e", "PATH=/usr/local/bin:/usr/bin:/bin,HOME=/root,MODE=base", "--run-as", "0", "--author", "base-author"]));
        ValidatedImage baseImage = Assert.Single(ImageValidation.ValidateLayout(baseLayout));

        string child = workspace.Output("child");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.Source, "--base-ref", "oci:" + baseLayout,
            "--target-type", "OCI_LAYOUT", "--output", child, "-e", "MODE=child,EXTRA=yes"));

        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(child));
        Assert.Equal(["PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/root", "MODE=child", "EXTRA=yes"], image.Config.Config!.Env!);
        Assert.Equal("0", image.Config.Config.User); // the base's, as no --run-as was given
        Assert.Equal("base-author", image.Config.Author);
        Assert.Equal("oci:" + baseLayout, image.Manifest.Annotations![ManifestAnnotations.BaseName]);
        Assert.Equal(baseImage.ManifestDescriptor.Digest.ToString(), image.Manifest.Annotations[ManifestAnnotations.BaseDigest]);
    }

    [Fact]
    public async Task User_annotations_go_over_the_base_annotations()
    {
        using var workspace = new CliWorkspace();
        string baseLayout = workspace.Output("base");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(baseLayout), "--dest-path", "/base"]));

        string child = workspace.Output("child");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.Source, "--base-ref", "oci:" + baseLayout,
            "--target-type", "OCI_LAYOUT", "--output", child, "-a", $"{ManifestAnnotations.BaseName}=docker.io/library/busybox:1.36"));

        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(child));
        Assert.Equal("docker.io/library/busybox:1.36", image.Manifest.Annotations![ManifestAnnotations.BaseName]);
        Assert.True(image.Manifest.Annotations.ContainsKey(ManifestAnnotations.BaseDigest));
    }
}
