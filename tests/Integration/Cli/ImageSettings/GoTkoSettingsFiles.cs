using Tko.Cli;
using Tko.Integration.Packaging;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli.ImageSettings;

/// <summary>
/// <c>.tko.yml</c> files written for the Go tko work unchanged: its own file and its README's sample
/// (kept verbatim in GoTko/, see GoTko/README.md) give the settings they mean, and its forms are read
/// beside ours: <c>platforms</c> as a comma text or a YAML list, the <c>platform</c> key, maps as maps
/// or <c>K=V,K=V</c> text, the <c>destination-*</c> names.
/// </summary>
public sealed class GoTkoSettingsFiles
{
    private static string Fixture(string name) =>
        Path.Combine(ShippedArtifacts.RepositoryRoot, "tests", "Integration", "Cli", "ImageSettings", "GoTko", name);

    private static BuildInvocation Resolve(string workingDirectory, params string[] arguments)
    {
        var cli = new BuildCommandLine();
        return BuildSettings.Resolve(cli.Command.Parse(arguments), cli, _ => null, workingDirectory);
    }

    [Fact]
    public async Task The_Go_tkos_own_file_gives_its_base_destination_entrypoint_and_annotations()
    {
        using GitRepository repository = await GitRepository.CreateAsync();
        string head = await repository.HeadAsync();

        BuildSpec spec = Resolve(repository.Root, repository.Source, "-T", "OCI_LAYOUT", "--config", Fixture("dskiff-tko.tko.yml")).Spec;

        Assert.Equal("debian:bookworm-slim@sha256:60eac759739651111db372c07be67863818726f754804b8707c90979bda511df", spec.BaseRef);
        Assert.Equal("/usr/local/bin", spec.DestPath);
        Assert.Equal("/usr/local/bin", spec.Metadata.WorkingDir);
        Assert.Equal(["/usr/local/bin/tko"], spec.Entrypoint);
        Assert.Equal(new Dictionary<string, string>
        {
            ["org.opencontainers.image.revision"] = head,
            ["org.opencontainers.image.source"] = "github.com/dskiff/tko",
            ["org.opencontainers.image.title"] = "tko",
            ["org.opencontainers.image.url"] = "github.com/dskiff/tko",
            ["org.opencontainers.image.version"] = "snapshot-" + head,
        }, spec.Metadata.Annotations);
    }

    [Fact]
    public async Task The_Go_tkos_README_sample_gives_base_author_and_annotation_and_builds_with_them()
    {
        using var workspace = new CliWorkspace();
        string sample = Fixture("readme-configuration-file.tko.yml");

        BuildSpec spec = Resolve(workspace.Root, workspace.Source, "-T", "OCI_LAYOUT", "--config", sample).Spec;
        Assert.Equal("ubuntu:jammy@sha256:6d7b5d3317a71adb5e175640150e44b8b9a9401a7dd394f44840626aff9fa94d", spec.BaseRef);
        Assert.Equal("my name", spec.Metadata.Author);
        Assert.Equal(new Dictionary<string, string> { ["org.opencontainers.image.source"] = "github.com/my-org/my-project" }, spec.Metadata.Annotations);

        // The same file through the CLI, on scratch (the flag wins over the file's base).
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), "--config", sample]));
        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(workspace.Output("img")));
        Assert.Equal("my name", image.Config.Author);
        Assert.Equal("github.com/my-org/my-project", image.Manifest.Annotations!["org.opencontainers.image.source"]);
        Assert.Equal("github.com/my-org/my-project", image.Config.Config!.Labels!["org.opencontainers.image.source"]);
    }

    [Theory]
    [InlineData("platforms: linux/amd64,linux/arm64")]
    [InlineData("platforms: [linux/amd64, linux/arm64]")]
    [InlineData("platforms:\n    - linux/amd64\n    - linux/arm64")]
    [InlineData("platform: linux/amd64,linux/arm64")]
    public void Platforms_are_a_comma_text_or_a_list(string yaml)
    {
        using var workspace = new CliWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), $"build:\n  {yaml}\n");

        BuildSpec spec = Resolve(workspace.Root, workspace.Source, "-T", "OCI_LAYOUT").Spec;

        Assert.Equal([Platform.Parse("linux/amd64"), Platform.Parse("linux/arm64")], spec.Platforms);
    }

    [Fact]
    public void Maps_are_maps_or_key_value_text_read_as_the_flag_reads_it()
    {
        using var workspace = new CliWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), """
            build:
              destination-path: /srv
              destination-chown: false
              env: MODE=text,GREETING=hello\, world,EMPTY=
              default-annotations:
                org.opencontainers.image.title: map
                tier: gold
              annotations: tier=platinum
              labels: "team=core,blank="
              platforms: linux/amd64,linux/arm64
              platform-overrides:
                linux/arm64:
                  env: GOARCH=arm64,GOARM64=v8.0
            """);

        BuildSpec spec = Resolve(workspace.Root, workspace.Source, "-T", "OCI_LAYOUT").Spec;

        Assert.Equal(["MODE=text", "GREETING=hello, world", "EMPTY="], spec.Metadata.Env);
        Assert.Equal(new Dictionary<string, string> { ["org.opencontainers.image.title"] = "map", ["tier"] = "platinum" }, spec.Metadata.Annotations);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "core", ["blank"] = "" }, spec.Metadata.Labels);
        Assert.Equal("/srv", spec.DestPath);
        Assert.Equal(LayerPlanner.SourceOwner, spec.Uid);
        Assert.Equal(["GOARCH=arm64", "GOARM64=v8.0"], Assert.Single(spec.Overrides).Env);
    }

    [Theory]
    [InlineData("build:\n  platforms:\n    os: linux\n", ".tko.yml:3: build.platforms", "expected comma-separated text or a list of text")]
    [InlineData("build:\n  platforms: [linux/amd64, [linux/arm64]]\n", ".tko.yml:2: build.platforms", "expected comma-separated text or a list of text")]
    [InlineData("build:\n  author: a\n  env: [A=1]\n", ".tko.yml:3: build.env", "expected a map of KEY: VALUE or KEY=VALUE[,KEY=VALUE…] text")]
    [InlineData("build:\n  env:\n    A: [1]\n", ".tko.yml:3: build.env.A", "expected text")]
    [InlineData("build:\n  author: a\n  annotations: tier=gold,plain\n", ".tko.yml:3: build.annotations", "'plain' is not KEY=VALUE")]
    [InlineData("build:\n  platform-overrides:\n    linux/arm64:\n      env: GOARCH\n", ".tko.yml:4: build.platform-overrides.linux/arm64.env", "'GOARCH' is not KEY=VALUE")]
    public async Task A_value_of_neither_form_is_a_usage_error_naming_file_line_and_key(string yaml, string naming, string problem)
    {
        using var workspace = new CliWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), yaml);

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img")));

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, naming);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }
}
