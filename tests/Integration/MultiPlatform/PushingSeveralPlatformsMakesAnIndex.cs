using System.Text.Json;
using Tko.Integration.Registry;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;
using static Tko.Integration.MultiPlatform.PlatformTrees;

namespace Tko.Integration.MultiPlatform;

/// <summary>
/// A two-platform build onto a two-platform busybox index in the loopback registry: skopeo reads
/// an index whose manifests carry their platform, and each platform's image has that platform's
/// base layer, its own new layer, config and entrypoint. Failures found up front push nothing.
/// </summary>
public sealed class PushingSeveralPlatformsMakesAnIndex
{
    private static BuildSpec Spec(string source, string baseRef, RegistryServer registry, params Platform[] platforms) =>
        BuildSpec.FromDirectory(source, 0)
            .WithBaseRef(baseRef)
            .WithPlatforms([.. platforms])
            .WithTarget(Target.Registry($"{registry.Host}/team/app:v1"))
            .WithRegistry(new TestClients().Options(registry));

    private static async Task<JsonElement> InspectAsync(string reference, RegistryServer registry, params string[] flags)
    {
        using JsonDocument document = JsonDocument.Parse((await Skopeo.InspectAsync(reference, registry, null, flags)).StandardOutput);
        return document.RootElement.Clone();
    }

    private static async Task<byte[]> RawAsync(string reference, RegistryServer registry, params string[] flags) =>
        (await Skopeo.InspectAsync(reference, registry, null, ["--raw", .. flags])).RawOutput;

    [Fact]
    public async Task Index_lists_each_platform_whose_image_has_its_base_layer_its_own_layer_and_its_entrypoint()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string baseRef = await BusyboxImage.PushIndexAsync(registry, "base/busybox");
        using var work = new TempDirectory("multi-push");
        string source = work.Combine("src");
        Write(source, Amd64, extraBytes: 100_000);
        Write(source, Arm64, extraBytes: 100_000);
        BuildSpec spec = Spec(source, baseRef, registry, Amd64, Arm64)
            .WithOverrides([PlatformOverride.None(Arm64).WithEntrypoint(["/tko-app/app", "--on-arm"])]);
        spec = spec.WithMetadata(spec.Metadata.WithAnnotations(spec.Metadata.Annotations.Add("org.opencontainers.image.version", "1.2.3")));

        BuildResult result = await Build.RunAsync(spec);

        string tag = $"{registry.Host}/team/app:v1";
        byte[] rawIndex = await RawAsync(tag, registry);
        Assert.Equal(result.Manifest.Digest, Digest.OfContent(rawIndex));
        Assert.Equal($"{registry.Host}/team/app@{result.Manifest.Digest}", result.Reference);
        ImageIndex index = CanonicalJson.ParseIndex(rawIndex);
        Assert.Equal(MediaTypes.OciIndex, index.MediaType);
        Assert.Equal(new[] { "linux/amd64", "linux/arm64" }, index.Manifests.Select(m => m.Platform!.ToString()));
        Assert.Equal(result.Images.Select(i => i.Manifest), index.Manifests);
        Assert.NotEqual(result.Images[0].Layer.Digest, result.Images[1].Layer.Digest);
        // The index names the whole image: the user's annotations, and the one base index every platform came from.
        Digest baseIndex = Digest.OfContent(await RawAsync(baseRef, registry));
        Assert.Equal(
            new Dictionary<string, string>
            {
                [ManifestAnnotations.BaseDigest] = baseIndex.ToString(),
                [ManifestAnnotations.BaseName] = baseRef,
                ["org.opencontainers.image.version"] = "1.2.3",
            },
            index.Annotations!);

        // Each platform's manifest by digest, then the index, then its tag (the target's v1 alone: latest is not moved): a tag never names a partial index.
        const string manifests = "/v2/team/app/manifests/";
        IReadOnlyList<RegistryRequest> requests = await registry.WaitForRequestsAsync(r => r.Any(x => x.Method == "PUT" && x.Path == manifests + "v1"));
        Assert.Equal(
            new[] { index.Manifests[0].Digest.ToString(), index.Manifests[1].Digest.ToString(), result.Manifest.Digest.ToString(), "v1" },
            requests.Where(r => r.Method == "PUT" && r.Path.StartsWith(manifests, StringComparison.Ordinal)).Select(r => r.Path[manifests.Length..]));

        string[][] entrypoints = [["/tko-app/app"], ["/tko-app/app", "--on-arm"]];
        for (int i = 0; i < 2; i++)
        {
            PlatformImage image = result.Images[i];
            string arch = image.Platform.Architecture;
            JsonElement baseImage = await InspectAsync(baseRef, registry, "--override-arch", arch, "--override-os", "linux");
            JsonElement inspected = await InspectAsync(tag, registry, "--override-arch", arch, "--override-os", "linux");
            Assert.Equal(arch, inspected.GetProperty("Architecture").GetString());
            Assert.Equal(
                new[] { baseImage.GetProperty("Layers")[0].GetString(), image.Layer.Digest.ToString() },
                inspected.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()).ToArray());

            string byDigest = $"{registry.Host}/team/app@{index.Manifests[i].Digest}";
            byte[] rawManifest = await RawAsync(byDigest, registry);
            Assert.Equal(index.Manifests[i].Digest, Digest.OfContent(rawManifest));
            Manifest manifest = CanonicalJson.ParseManifest(rawManifest);
            Assert.Equal(image.Config, manifest.Config);
            Assert.Equal(image.Layer.Digest, manifest.Layers[^1].Digest);

            ImageConfig config = CanonicalJson.ParseConfig(await RawAsync(byDigest, registry, "--config"));
            Assert.Equal(arch, config.Architecture);
            Assert.Equal(entrypoints[i], config.Config!.Entrypoint!);
            Assert.Equal(image.Layer.DiffId, config.RootFs.DiffIds[^1]);
            Assert.Equal(2, config.RootFs.DiffIds.Count);
            Assert.Contains(BusyboxPath, config.Config.Env!);
        }
    }

    private const string BusyboxPath = "PATH=/usr/sbin:/usr/bin:/sbin:/bin";

    [Fact]
    public async Task A_missing_platform_directory_or_base_platform_fails_naming_it_and_pushes_nothing()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        string baseRef = await BusyboxImage.PushIndexAsync(registry, "base/busybox");
        using var work = new TempDirectory("multi-missing");
        string source = work.Combine("src");
        Write(source, Amd64);
        Platform s390x = Platform.Parse("linux/s390x");

        SourceException missing = await Assert.ThrowsAsync<SourceException>(() => Build.RunAsync(Spec(source, baseRef, registry, Amd64, Arm64)));
        Assert.Equal(DirectoryOf(source, Arm64), missing.Path);
        Assert.Contains("for linux/arm64 does not exist", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', missing.Message);

        Write(source, s390x);
        PlatformNotFoundException noBase = await Assert.ThrowsAsync<PlatformNotFoundException>(() => Build.RunAsync(Spec(source, baseRef, registry, Amd64, s390x)));
        Assert.Contains(baseRef, noBase.Message, StringComparison.Ordinal);
        Assert.Contains("has no image for linux/s390x; it has linux/amd64, linux/arm64", noBase.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', noBase.Message);

        // The distribution registry makes a repository's directory on its first upload: neither build got that far.
        string repositories = Path.Combine(registry.StorageDirectory, "docker", "registry", "v2", "repositories");
        Assert.True(Directory.Exists(Path.Combine(repositories, "base", "busybox")), "the registry keeps its repositories elsewhere");
        Assert.False(Directory.Exists(Path.Combine(repositories, "team")), "a failed build pushed to team/app");
    }
}
