using Tko.Inspection;
using Tko.Integration.Support;
using Tko.Registry;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Inspection;

/// <summary>
/// tko diff reads a layout's or tarball's documents under the registry's caps (manifests and
/// indexes 4 MiB, configs 32 MiB): a 1 GB index.json or a 600 MB config is refused naming the file
/// and the cap, after reading at most the cap. The huge files are sparse, so the tests use no disk.
/// </summary>
public sealed class OversizedLocalDocumentsAreRefused
{
    private static Task<ImageComparison> DiffAsync(string a, string b) =>
        ImageDiff.CompareAsync(a, b, new DiffOptions(null, RegistryClientOptions.Default));

    [Fact]
    public async Task A_one_gigabyte_index_json_is_refused_naming_it_and_the_cap()
    {
        using var work = new TempDirectory("diff-big-index");
        SampleTree.Write(work.Combine("src"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("a"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("b"));
        HostileLayout.Sparse(work.Combine("b", "index.json"), 1L << 30);

        var refused = await Assert.ThrowsAsync<TkoException>(() => DiffAsync("oci:" + work.Combine("a"), "oci:" + work.Combine("b")));

        Assert.Equal($"oci:{work.Combine("b")}: index.json is larger than 4 MiB; tko refuses it", refused.Message);
    }

    [Fact]
    public async Task A_config_declared_600_MB_is_refused_naming_its_digest_and_the_cap()
    {
        using var work = new TempDirectory("diff-big-config");
        SampleTree.Write(work.Combine("src"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("a"));
        await DiffBuilds.ToLayoutAsync(work.Combine("src"), work.Combine("b"));
        string config = Path.GetFileName(HostileLayout.ConfigBlob(work.Combine("b")));
        HostileLayout.GrowConfig(work.Combine("b"), 600L << 20);

        var refused = await Assert.ThrowsAsync<TkoException>(() => DiffAsync("oci:" + work.Combine("a"), "oci:" + work.Combine("b")));

        Assert.Contains($"the config sha256:{config} is larger than 32 MiB; tko refuses it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_docker_tarball_config_member_of_40_MiB_is_refused_naming_the_member()
    {
        using var work = new TempDirectory("diff-big-member");
        string archive = work.Combine("image.tar");
        HostileLayout.DockerArchive(archive, manifestSize: 0, configSize: 40L << 20);

        var refused = await Assert.ThrowsAsync<TkoException>(() => DiffAsync(archive, archive));

        Assert.Equal($"{archive}: the config config.json is larger than 32 MiB; tko refuses it", refused.Message);
    }

    [Fact]
    public async Task A_docker_tarball_manifest_json_of_8_MiB_is_refused_naming_it()
    {
        using var work = new TempDirectory("diff-big-manifest-json");
        string archive = work.Combine("image.tar");
        HostileLayout.DockerArchive(archive, manifestSize: 8L << 20, configSize: 0);

        var refused = await Assert.ThrowsAsync<TkoException>(() => DiffAsync(archive, archive));

        Assert.Equal($"{archive}: manifest.json is larger than 4 MiB; tko refuses it", refused.Message);
    }
}
