using Tko.Integration.Support;
using Tko.Testing.Registry;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Inspection;

/// <summary>
/// One build written as an OCI layout, a docker tarball and pushed to a registry reads as the same
/// image in every form; skopeo's docker-archive (manifest.json only, uncompressed layers) differs
/// only in media types and compression; an index is compared platform by platform.
/// </summary>
public sealed class EveryReferenceFormIsRead
{
    private static readonly DiffOptions Loopback = new(null, RegistryClientOptions.Default);

    [Fact]
    public async Task Layout_tarball_and_registry_copies_of_one_build_are_identical()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using var work = new TempDirectory("diff-forms");
        SampleTree.Write(work.Combine("src"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("layout"));
        await Build.RunAsync(DiffBuilds.Spec(work.Combine("src"), Target.DockerTarball(work.Combine("image.tar"))));
        string pushed = $"{registry.Host}/forms/app:v1";
        await Build.RunAsync(DiffBuilds.Spec(work.Combine("src"), Target.Registry(pushed)).WithRegistry(RegistryClientOptions.Default));

        string layout = "oci:" + work.Combine("layout");
        foreach (string other in new[] { work.Combine("image.tar"), "docker-archive:" + work.Combine("image.tar"), pushed })
        {
            ImageComparison comparison = await ImageDiff.CompareAsync(layout, other, Loopback);
            Assert.True(comparison.Identical, $"{other}: {ImageDiff.ToJson(comparison)}");
        }
    }

    [Fact]
    public async Task Legacy_docker_archive_differs_only_in_media_types_and_compression()
    {
        using var work = new TempDirectory("diff-legacy");
        SampleTree.Write(work.Combine("src"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("layout"));
        string archive = work.Combine("legacy.tar");
        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"),
            ["--insecure-policy", "copy", $"oci:{work.Combine("layout")}:latest", $"docker-archive:{archive}:app:v1"]);

        ImageComparison comparison = await ImageDiff.CompareAsync("oci:" + work.Combine("layout"), archive, Loopback);

        Assert.Equal(
            [
                (DifferencePart.Manifest, "mediaType", null),
                (DifferencePart.Manifest, "config.mediaType", null),
                (DifferencePart.Manifest, "layers[0].mediaType", null),
                (DifferencePart.Layer, "layers[0]", "compression"),
            ],
            comparison.Differences.Select(d => (d.Part, d.Where, d.Field)));
        Assert.Equal(MediaTypes.DockerManifest, comparison.Differences[0].B);
        // The config is the same bytes, so its digest is not among the consequences; the layer's diffID is the same too.
        Assert.DoesNotContain(comparison.DigestChanges, d => d.Part == DifferencePart.Config || d.Field == "diffID");
    }

    [Fact]
    public async Task Index_is_compared_per_platform_and_platform_picks_one()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string index = await BusyboxImage.PushIndexAsync(registry, "multi");
        string single = await BusyboxImage.PushAsync(registry, "single");
        string host = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux/arm64" : "linux/amd64";
        string other = host == "linux/amd64" ? "linux/arm64" : "linux/amd64";

        ImageComparison all = await ImageDiff.CompareAsync(index, single, Loopback);
        Assert.Equal(
            [
                (DifferencePart.Index, DifferenceKind.Changed, "mediaType"),
                (DifferencePart.Index, DifferenceKind.OnlyInA, other),
            ],
            all.Differences.Select(d => (d.Part, d.Kind, d.Where)));

        ImageComparison picked = await ImageDiff.CompareAsync(index, single, Loopback.WithPlatform(Platform.Parse(host)));
        Assert.True(picked.Identical, ImageDiff.ToJson(picked));
        Assert.Equal(picked.DigestA, picked.DigestB);

        ImageComparison crossed = await ImageDiff.CompareAsync(index, index, Loopback.WithPlatform(Platform.Parse(other)));
        Assert.True(crossed.Identical);
        await Assert.ThrowsAsync<TkoException>(() => ImageDiff.CompareAsync(index, single, Loopback.WithPlatform(Platform.Parse(other))));
    }
}
