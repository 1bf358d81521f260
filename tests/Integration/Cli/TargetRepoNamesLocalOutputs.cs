using System.Formats.Tar;
using System.Text.Json;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// For a tarball or a layout, <c>--target-repo NAME:TAG</c> is the image's name and tag, as for a
/// push: the tag is not glued onto the name (<c>app:v1:latest</c>), <c>--tag</c> adds tags, and an invalid name is refused.
/// </summary>
public sealed class TargetRepoNamesLocalOutputs
{
    [Fact]
    public async Task Tag_in_target_repo_tags_the_tarball_image()
    {
        using var workspace = new CliWorkspace();
        string tarball = workspace.Output("app.tar");

        (string name, _) = CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.TarballTo(tarball), "--target-repo", "example.test/app:v1"]));

        Assert.Equal("example.test/app", name);
        using var reader = new TarReader(File.OpenRead(tarball));
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            if (entry.Name != "manifest.json") continue;
            using JsonDocument manifest = JsonDocument.Parse(entry.DataStream!);
            Assert.Equal(["example.test/app:v1"], manifest.RootElement[0].GetProperty("RepoTags").EnumerateArray().Select(t => t.GetString()));
            return;
        }
        Assert.Fail("the tarball has no manifest.json");
    }

    [Fact]
    public async Task Tag_in_target_repo_names_the_layout_ref_and_tag_flags_add_more()
    {
        using var workspace = new CliWorkspace();
        string layout = workspace.Output("app-oci");

        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(layout), "--target-repo", "app:v1"]));
        using (JsonDocument index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json"))))
        {
            JsonElement annotations = Assert.Single(index.RootElement.GetProperty("manifests").EnumerateArray()).GetProperty("annotations");
            Assert.Equal("v1", annotations.GetProperty("org.opencontainers.image.ref.name").GetString());
            Assert.Equal("app:v1", annotations.GetProperty("io.containerd.image.name").GetString());
        }

        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(layout), "--target-repo", "app:v1", "--tag", "stable"]));
        using JsonDocument retagged = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")));
        Assert.Equal(["v1", "stable"], retagged.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => m.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString()));
    }

    [Fact]
    public async Task Tko_tags_variable_gives_the_tags_and_a_tag_flag_beats_it()
    {
        using var workspace = new CliWorkspace();
        string fromVariable = workspace.Output("variable"), fromFlag = workspace.Output("flag");
        var environment = new Dictionary<string, string?> { ["TKO_TAGS"] = "v2,stable" };

        CliOutcome.Succeeded(await workspace.BuildAsync(environment, [.. workspace.OciLayoutTo(fromVariable), "--target-repo", "app:v1"]));
        CliOutcome.Succeeded(await workspace.BuildAsync(environment, [.. workspace.OciLayoutTo(fromFlag), "--target-repo", "app:v1", "--tag", "edge"]));

        Assert.Equal(["v1", "v2", "stable"], RefNames(fromVariable));
        Assert.Equal(["v1", "edge"], RefNames(fromFlag));
    }

    private static string?[] RefNames(string layout)
    {
        using JsonDocument index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")));
        return [.. index.RootElement.GetProperty("manifests").EnumerateArray()
            .Select(m => m.GetProperty("annotations").GetProperty("org.opencontainers.image.ref.name").GetString())];
    }

    [Fact]
    public async Task Invalid_name_is_a_usage_error_naming_the_flag()
    {
        using var workspace = new CliWorkspace();

        CliOutcome.Failed(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("x")), "--target-repo", "Bad:Name"]), CliOutcome.UsageError, "--target-repo");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }
}
