using Tko.Building;
using Xunit;

namespace Tko.Integration.MultiPlatform;

/// <summary>The pure planning of a multi-platform build: each platform's source, base, entrypoint, env and user, and what is refused before any I/O.</summary>
public sealed class EachPlatformGetsItsOwnSpec
{
    private static readonly Platform Amd64 = Platform.LinuxAmd64;
    private static readonly Platform Arm64 = Platform.Parse("linux/arm64");
    private static readonly Platform ArmV7 = Platform.Parse("linux/arm/v7");

    private static BuildSpec Spec(params Platform[] platforms) =>
        BuildSpec.FromDirectory("dist", 0).WithPlatforms([.. platforms]).WithBaseRef("busybox")
            .WithMetadata(ImageMetadata.Empty.WithEnv(["PATH=/bin", "MODE=prod", "LANG=C"]).WithUser("app"));

    [Fact]
    public void One_platform_reads_the_source_itself_and_several_read_os_arch_variant_below_it()
    {
        Assert.Equal("dist", Spec(Arm64).ForPlatform(Arm64).SourceDirectory);
        BuildSpec several = Spec(Amd64, Arm64, ArmV7);
        Assert.Equal(Path.Combine("dist", "linux", "amd64"), several.ForPlatform(Amd64).SourceDirectory);
        Assert.Equal(Path.Combine("dist", "linux", "arm64"), several.ForPlatform(Arm64).SourceDirectory);
        Assert.Equal(Path.Combine("dist", "linux", "arm", "v7"), several.ForPlatform(ArmV7).SourceDirectory);
    }

    [Fact]
    public void An_override_replaces_base_source_entrypoint_and_user_and_merges_env_by_key()
    {
        BuildSpec spec = Spec(Amd64, Arm64).WithOverrides([
            PlatformOverride.None(Platform.Parse("linux/arm64/v8")) // the same platform as linux/arm64
                .WithBaseRef("arm64v8/busybox")
                .WithSourceDirectory("build-arm")
                .WithEntrypoint(["/tko-app/app", "--arm"])
                .WithEnv(["MODE=arm", "EXTRA=1"])
                .WithUser("1000:1000"),
        ]);

        BuildSpec arm = spec.ForPlatform(Arm64);
        Assert.Equal("arm64v8/busybox", arm.BaseRef);
        Assert.Equal("build-arm", arm.SourceDirectory);
        Assert.Equal(new[] { "/tko-app/app", "--arm" }, arm.Entrypoint);
        Assert.Equal(new[] { "PATH=/bin", "MODE=arm", "LANG=C", "EXTRA=1" }, arm.Metadata.Env);
        Assert.Equal("1000:1000", arm.Metadata.User);
        Assert.Equal(new[] { Arm64 }, arm.Platforms);
        Assert.Empty(arm.Overrides);

        BuildSpec amd = spec.ForPlatform(Amd64);
        Assert.Equal("busybox", amd.BaseRef);
        Assert.Equal(new[] { "/tko-app/app" }, amd.Entrypoint);
        Assert.Equal(new[] { "PATH=/bin", "MODE=prod", "LANG=C" }, amd.Metadata.Env);
        Assert.Equal("app", amd.Metadata.User);
    }

    [Fact]
    public void Env_merge_keeps_each_key_once_at_its_first_place_with_its_last_value()
    {
        Assert.Equal(new[] { "A=3", "B=2", "C", "D=4" }, EnvironmentMerge.Over(["A=1", "B=2", "C"], ["A=3", "D=4"]));
        Assert.Equal(new[] { "A==x" }, EnvironmentMerge.Over(["A=1"], ["A==x"]));
        Assert.Equal("A", EnvironmentMerge.Key("A==x"));
    }

    [Fact]
    public void The_plan_keeps_the_given_order_and_refuses_a_platform_named_twice_and_a_tarball_of_several()
    {
        BuildPlan plan = BuildPlan.Create(Spec(Arm64, Amd64));
        Assert.Equal(new[] { Arm64, Amd64 }, plan.Platforms.Select(p => p.Platforms.Single()));
        Assert.True(plan.IsIndex);

        var twice = Assert.Throws<OptionException>(() => BuildPlan.Create(Spec(Arm64, Amd64, Platform.Parse("linux/aarch64"))));
        Assert.Equal("BuildSpec.Platforms", twice.Option);
        Assert.Contains("linux/aarch64 is the same platform as linux/arm64", twice.Message, StringComparison.Ordinal);

        var tarball = Assert.Throws<OptionException>(() => BuildPlan.Create(Spec(Amd64, Arm64).WithTarget(Target.DockerTarball("out.tar"))));
        Assert.Contains("LOCAL_FILE", tarball.Message, StringComparison.Ordinal);
        Assert.False(BuildPlan.Create(Spec(Amd64).WithTarget(Target.DockerTarball("out.tar"))).IsIndex);
        Assert.Throws<OptionException>(() => BuildPlan.Create(Spec()));
    }

    [Fact]
    public void The_index_names_a_base_only_when_every_platform_came_from_the_same_base_index()
    {
        Digest index = Digest.Parse("sha256:" + new string('1', 64)), other = Digest.Parse("sha256:" + new string('2', 64));
        BaseImage FromIndex(string name, Digest? indexDigest, Platform platform) =>
            BaseImage.Scratch(platform) with { Name = name, ManifestDigest = Digest.Parse("sha256:" + new string('9', 64)), IndexDigest = indexDigest };
        BuildSpec spec = Spec();
        BuildSpec annotated = spec.WithMetadata(spec.Metadata.WithAnnotations(spec.Metadata.Annotations.Add("k", "v")));

        Assert.Equal(
            new Dictionary<string, string> { [ManifestAnnotations.BaseDigest] = index.ToString(), [ManifestAnnotations.BaseName] = "base:1", ["k"] = "v" },
            ManifestAnnotations.ForIndex(annotated, [FromIndex("base:1", index, Amd64), FromIndex("base:1", index, Arm64)])!);
        Assert.Equal(
            new Dictionary<string, string> { ["k"] = "v" },
            ManifestAnnotations.ForIndex(annotated, [FromIndex("base:1", index, Amd64), FromIndex("base:2", other, Arm64)])!);
        Assert.Null(ManifestAnnotations.ForIndex(spec, [FromIndex("base:1", null, Amd64), FromIndex("base:1", null, Arm64)]));
        Assert.Null(ManifestAnnotations.ForIndex(spec, [BaseImage.Scratch(Amd64), BaseImage.Scratch(Arm64)]));
    }

    [Fact]
    public void The_index_is_an_oci_index_in_the_given_order_whatever_the_manifests_format()
    {
        Descriptor Manifest(string mediaType, Platform platform, char fill) =>
            new Descriptor(mediaType, Digest.Parse("sha256:" + new string(fill, 64)), 100) { Platform = platform };

        ImageIndex oci = IndexAssembly.Create([Manifest(MediaTypes.OciManifest, Arm64, 'a'), Manifest(MediaTypes.OciManifest, Amd64, 'b')]);
        Assert.Equal(MediaTypes.OciIndex, oci.MediaType);
        Assert.Equal(new[] { Arm64, Amd64 }, oci.Manifests.Select(m => m.Platform));

        ImageIndex docker = IndexAssembly.Create([Manifest(MediaTypes.DockerManifest, Amd64, 'a'), Manifest(MediaTypes.DockerManifest, Arm64, 'b')]);
        Assert.Equal(MediaTypes.OciIndex, docker.MediaType);
        Assert.Equal(new[] { MediaTypes.DockerManifest, MediaTypes.DockerManifest }, docker.Manifests.Select(m => m.MediaType));
    }
}
