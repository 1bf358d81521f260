using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>A successful build prints exactly one line on stdout, NAME@DIGEST, naming the image it wrote.</summary>
public sealed class SuccessfulBuildPrintsOneReference
{
    [Fact]
    public async Task Stdout_is_one_reference_line_whose_digest_is_the_manifest_in_index_json()
    {
        using var workspace = new CliWorkspace();
        string output = workspace.Output("img");

        (string name, Digest digest) = CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(output), "--target-repo", "registry.example/team/app"]));

        Assert.Equal("registry.example/team/app", name);
        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(output));
        Assert.Equal(image.ManifestDescriptor.Digest, digest);
    }

    [Fact]
    public async Task Name_comes_from_TKO_TARGET_REPO_when_no_flag_is_given()
    {
        using var workspace = new CliWorkspace();

        (string name, _) = CliOutcome.Succeeded(await workspace.BuildAsync(
            new Dictionary<string, string?> { ["TKO_TARGET_REPO"] = "env.example/app" }, workspace.OciLayoutTo(workspace.Output("img"))));

        Assert.Equal("env.example/app", name);
    }

    [Fact]
    public async Task Target_repo_flag_beats_TKO_TARGET_REPO()
    {
        using var workspace = new CliWorkspace();

        (string name, _) = CliOutcome.Succeeded(await workspace.BuildAsync(
            new Dictionary<string, string?> { ["TKO_TARGET_REPO"] = "env.example/app" },
            [.. workspace.OciLayoutTo(workspace.Output("img")), "-t", "flag.example/app"]));

        Assert.Equal("flag.example/app", name);
    }

    [Fact]
    public async Task Name_defaults_to_tko_local_and_the_source_directory()
    {
        using var workspace = new CliWorkspace();

        (string name, _) = CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img"))));

        Assert.Equal("tko.local/src", name);
    }
}
