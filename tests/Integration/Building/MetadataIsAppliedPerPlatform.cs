using Xunit;

namespace Tko.Integration.Building;

/// <summary>
/// The pure functions a build calls once per platform: <see cref="ImageConfigMutation.AddLayer"/>
/// applies the spec's metadata over the base config, and <see cref="ManifestAnnotations.For"/>
/// records the base as ko does, under the user's annotations.
/// </summary>
public sealed class MetadataIsAppliedPerPlatform
{
    private static readonly LayerResult Layer = new(Digest.OfContent("tar"u8), Digest.OfContent("gzip"u8), 4, 3, 1);
    private static readonly Digest BaseManifest = Digest.OfContent("manifest"u8);
    private static readonly Digest BaseIndex = Digest.OfContent("index"u8);

    private static ImageConfig BaseConfig() => ImageConfig.Scratch(Platform.LinuxAmd64)
        .WithAuthor("base author")
        .WithConfig(new ContainerConfig()
            .WithEnv(["PATH=/usr/sbin:/usr/bin", "TZ=UTC"])
            .WithUser("root")
            .WithWorkingDir("/")
            .WithCmd(["sh"]));

    [Fact]
    public void Empty_metadata_keeps_the_bases_env_user_workdir_and_author()
    {
        BuildSpec spec = BuildSpec.FromDirectory("/src", 0);

        ImageConfig config = ImageConfigMutation.AddLayer(BaseConfig(), Layer, spec);

        Assert.Equal(["PATH=/usr/sbin:/usr/bin", "TZ=UTC"], config.Config!.Env!);
        Assert.Equal("root", config.Config.User);
        Assert.Equal("/", config.Config.WorkingDir);
        Assert.Equal("base author", config.Author);
        Assert.Null(config.Config.Cmd);
        Assert.Equal(["/tko-app/app"], config.Config.Entrypoint!);
    }

    [Fact]
    public void Metadata_goes_over_the_base()
    {
        BuildSpec spec = BuildSpec.FromDirectory("/src", 86400).WithMetadata(ImageMetadata.Empty
            .WithEnv(["TZ=Europe/Paris", "APP=1"])
            .WithUser("65532:65532")
            .WithWorkingDir("/tko-app")
            .WithAuthor("me"));

        ImageConfig config = ImageConfigMutation.AddLayer(BaseConfig(), Layer, spec);

        Assert.Equal(["PATH=/usr/sbin:/usr/bin", "TZ=Europe/Paris", "APP=1"], config.Config!.Env!);
        Assert.Equal("65532:65532", config.Config.User);
        Assert.Equal("/tko-app", config.Config.WorkingDir);
        Assert.Equal("me", config.Author);
        Assert.Equal("1970-01-02T00:00:00Z", config.Created);
    }

    [Fact]
    public void Scratch_gets_no_base_annotations_and_nothing_gives_no_annotations_field()
    {
        BuildSpec spec = BuildSpec.FromDirectory("/src", 0);

        Assert.Null(ManifestAnnotations.For(spec, BaseImage.Scratch(Platform.LinuxAmd64)));
        Assert.Equal(new Dictionary<string, string> { ["k"] = "v" },
            ManifestAnnotations.For(spec.WithMetadata(ImageMetadata.Empty.WithAnnotations(ImageMetadata.Empty.Annotations.Add("k", "v"))), BaseImage.Scratch(Platform.LinuxAmd64))!.ToDictionary());
    }

    [Fact]
    public void A_base_is_named_with_the_digest_its_reference_points_at()
    {
        BuildSpec spec = BuildSpec.FromDirectory("/src", 0);
        var image = new BaseImage("busybox:1.36", BaseManifest, ManifestFamily.Oci, BaseConfig(), [], null);

        Assert.Equal(new Dictionary<string, string>
        {
            [ManifestAnnotations.BaseDigest] = BaseManifest.ToString(),
            [ManifestAnnotations.BaseName] = "busybox:1.36",
        }, ManifestAnnotations.For(spec, image)!.ToDictionary());
        Assert.Equal(BaseIndex.ToString(), ManifestAnnotations.For(spec, image with { IndexDigest = BaseIndex })![ManifestAnnotations.BaseDigest]);
    }

    [Fact]
    public void Manifest_carries_the_annotations_in_its_json()
    {
        var annotations = ImageMetadata.Empty.Annotations.Add("b", "2").Add("a", "1");
        Manifest manifest = ManifestAssembly.Create(ManifestFamily.Oci, new Descriptor(MediaTypes.OciConfig, Layer.DiffId, 1), [], annotations);

        string json = System.Text.Encoding.UTF8.GetString(Tko.CanonicalJson.Serialize(manifest));

        Assert.EndsWith("\"annotations\":{\"a\":\"1\",\"b\":\"2\"}}", json, StringComparison.Ordinal);
    }
}
