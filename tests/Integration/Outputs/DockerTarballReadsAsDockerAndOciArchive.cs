using System.Formats.Tar;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tko.Integration.Cli;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Outputs;

/// <summary>The LOCAL_FILE tarball is a docker-archive and an oci-archive at once, owned by root, dated 1970, and reproducible.</summary>
public sealed class DockerTarballReadsAsDockerAndOciArchive
{
    private const string Repository = "registry.example/tarball";

    [Fact]
    public async Task Skopeo_reads_it_as_docker_archive_and_oci_archive_describing_the_same_layer()
    {
        using var workspace = new CliWorkspace();
        string tarball = workspace.Output("img.tar");
        Digest printed = CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.TarballTo(tarball), "-t", Repository])).Digest;
        ValidatedImage image = await ExtractAndValidateAsync(tarball, workspace.Output("extracted"));

        JsonElement docker = await ImageTools.SkopeoInspectAsync($"docker-archive:{tarball}");
        JsonElement oci = await ImageTools.SkopeoInspectAsync($"oci-archive:{tarball}");

        // docker-archive names a layer by its diffID, oci-archive by its gzip digest: both must be this image's one layer.
        Assert.Equal([Digest.OfContent(Assert.Single(image.LayerTars)).ToString()], Layers(docker));
        Assert.Equal([Assert.Single(image.Manifest.Layers).Digest.ToString()], Layers(oci));
        Assert.Equal(printed.ToString(), oci.GetProperty("Digest").GetString());
        foreach (string field in new[] { "Created", "Architecture", "Os" })
            Assert.Equal(oci.GetProperty(field).GetString(), docker.GetProperty(field).GetString());
    }

    [Fact]
    public async Task Manifest_json_points_at_entries_inside_the_tarball_and_tags_the_repository()
    {
        using var workspace = new CliWorkspace();
        string tarball = workspace.Output("img.tar");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.TarballTo(tarball), "-t", Repository]));
        ValidatedImage image = await ExtractAndValidateAsync(tarball, workspace.Output("extracted"));

        Dictionary<string, byte[]> files = ReadFiles(tarball);
        using JsonDocument manifest = JsonDocument.Parse(files["manifest.json"]);
        JsonElement entry = Assert.Single(manifest.RootElement.EnumerateArray());

        Assert.Equal([$"{Repository}:latest"], entry.GetProperty("RepoTags").EnumerateArray().Select(t => t.GetString()));
        string config = entry.GetProperty("Config").GetString()!;
        Assert.True(files.ContainsKey(config), $"Config {config} is not in the tarball");
        Assert.Equal(image.Manifest.Config.Digest, Digest.OfContent(files[config]));
        string layer = Assert.Single(entry.GetProperty("Layers").EnumerateArray()).GetString()!;
        Assert.True(files.ContainsKey(layer), $"Layer {layer} is not in the tarball");
        Assert.Equal(Assert.Single(image.Manifest.Layers).Digest, Digest.OfContent(files[layer]));
    }

    [Fact]
    public async Task Gnu_tar_lists_only_root_owned_entries_from_1970()
    {
        using var workspace = new CliWorkspace();
        string tarball = workspace.Output("img.tar");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.TarballTo(tarball)));

        string[] lines = await ImageTools.GnuTarListAsync(tarball);

        Assert.True(lines.Length >= 6, $"only {lines.Length} entries listed");
        var rootIn1970 = new Regex(@"^\S+ 0/0 +\d+ 1970-01-01 00:00 \S");
        Assert.All(lines, line => Assert.Matches(rootIn1970, line));
    }

    [Fact]
    public async Task Two_builds_give_byte_identical_tarballs_whatever_the_source_timestamps()
    {
        using var workspace = new CliWorkspace();
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.TarballTo(workspace.Output("first.tar"))));
        foreach (string file in Directory.EnumerateFiles(workspace.Source, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            if (new FileInfo(file).LinkTarget is null)
                File.SetLastWriteTimeUtc(file, new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.TarballTo(workspace.Output("second.tar"))));

        byte[] first = File.ReadAllBytes(workspace.Output("first.tar")), second = File.ReadAllBytes(workspace.Output("second.tar"));
        Assert.True(first.AsSpan().SequenceEqual(second), "the two tarballs differ");
    }

    private static IEnumerable<string?> Layers(JsonElement inspected) => inspected.GetProperty("Layers").EnumerateArray().Select(l => l.GetString());

    private static async Task<ValidatedImage> ExtractAndValidateAsync(string tarball, string directory)
    {
        Directory.CreateDirectory(directory);
        await ImageTools.ExtractAsync(tarball, directory);
        return Assert.Single(ImageValidation.ValidateLayout(directory));
    }

    private static Dictionary<string, byte[]> ReadFiles(string tarball)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var reader = new TarReader(File.OpenRead(tarball));
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            if (entry.EntryType != TarEntryType.RegularFile) continue;
            var content = new MemoryStream();
            entry.DataStream?.CopyTo(content);
            files[entry.Name] = content.ToArray();
        }
        return files;
    }
}
