using System.Text.Json;
using Tko.Cli;
using Tko.Testing.Registry;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// <c>.tko.yml</c> in the working directory (or <c>--config</c>) drives a build on its own; flag
/// beats variable beats file beats default; a bad file is exit 2 with one line naming file, line and key.
/// </summary>
public sealed class TkoYmlSettings
{
    [Fact]
    public async Task A_build_driven_only_by_tko_yml_pushes_to_the_registry()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using var workspace = new CliWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), $"""
            build:
              source: src
              base-ref: scratch
              target-type: REMOTE
              target-repo: {registry.Host}/from-yaml:v1
              entrypoint: /app/run
              destination-path: /app
              author: yaml-author
              run-as: "65532"
              env:
                MODE: yaml
                PORT: 8080
              default-annotations:
                org.opencontainers.image.title: from-yaml
              annotations:
                org.opencontainers.image.title: overridden
              jobs: 2
              platforms: linux/amd64
            """);

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["DOCKER_CONFIG"] = workspace.Outputs });

        (string name, Digest digest) = CliOutcome.Succeeded(result);
        Assert.Equal($"{registry.Host}/from-yaml", name);
        using JsonDocument manifest = JsonDocument.Parse((await Skopeo.InspectAsync($"{registry.Host}/from-yaml:v1", registry, null, "--raw")).StandardOutput);
        Assert.Equal("overridden", manifest.RootElement.GetProperty("annotations").GetProperty("org.opencontainers.image.title").GetString());
        using JsonDocument config = JsonDocument.Parse((await Skopeo.InspectAsync($"{registry.Host}/from-yaml:v1", registry, null, "--config")).StandardOutput);
        JsonElement runtime = config.RootElement.GetProperty("config");
        Assert.Equal(["/app/run"], runtime.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["MODE=yaml", "PORT=8080"], runtime.GetProperty("Env").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("65532", runtime.GetProperty("User").GetString());
        Assert.Equal("/app", runtime.GetProperty("WorkingDir").GetString());
        Assert.Equal("yaml-author", config.RootElement.GetProperty("author").GetString());
        using JsonDocument inspect = JsonDocument.Parse((await Skopeo.InspectAsync($"{registry.Host}/from-yaml:v1", registry)).StandardOutput);
        Assert.Equal(digest.ToString(), inspect.RootElement.GetProperty("Digest").GetString());
    }

    [Fact]
    public async Task Flag_beats_variable_beats_file_beats_default()
    {
        using var workspace = new CliWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), "build:\n  author: file\n  target-type: OCI_LAYOUT\n  base-ref: scratch\n");
        var variable = new Dictionary<string, string?> { ["TKO_AUTHOR"] = "variable" };

        CliOutcome.Succeeded(await workspace.BuildAsync(variable, workspace.Source, "--output", workspace.Output("flag"), "--author", "flag"));
        CliOutcome.Succeeded(await workspace.BuildAsync(variable, workspace.Source, "--output", workspace.Output("variable")));
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.Source, "--output", workspace.Output("file")));
        File.Delete(Path.Combine(workspace.Root, ".tko.yml"));
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.Source, "--target-type", "OCI_LAYOUT", "--base-ref", "scratch", "--output", workspace.Output("default")));

        string? Author(string output) => Assert.Single(ImageValidation.ValidateLayout(workspace.Output(output))).Config.Author;
        Assert.Equal("flag", Author("flag"));
        Assert.Equal("variable", Author("variable"));
        Assert.Equal("file", Author("file"));
        Assert.Null(Author("default"));
    }

    [Fact]
    public async Task Config_flag_names_the_file_and_tko_yaml_is_found_too()
    {
        using var workspace = new CliWorkspace();
        string elsewhere = Path.Combine(workspace.Outputs, "settings.yml");
        File.WriteAllText(elsewhere, "build:\n  author: explicit\n");
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yaml"), "build:\n  author: dot-yaml\n");

        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("explicit")), "--config", elsewhere]));
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("found"))));

        Assert.Equal("explicit", Assert.Single(ImageValidation.ValidateLayout(workspace.Output("explicit"))).Config.Author);
        Assert.Equal("dot-yaml", Assert.Single(ImageValidation.ValidateLayout(workspace.Output("found"))).Config.Author);
    }

    [Theory]
    [InlineData("build:\n  base-ref: scratch\n  frobnicate: 3\n", ".tko.yml:3: build.frobnicate", "unknown setting")]
    [InlineData("build:\n  jobs: many\n", ".tko.yml:2: build.jobs", "expected a whole number")]
    [InlineData("build:\n  author: a\n  env: plain\n", ".tko.yml:3: build.env", "'plain' is not KEY=VALUE")]
    [InlineData("build:\n  dest-chown: perhaps\n", ".tko.yml:2: build.dest-chown", "expected true or false")]
    [InlineData("build:\n  platform-overrides:\n    linux/arm64:\n      run-as: x\n      bogus: 1\n", ".tko.yml:5: build.platform-overrides.linux/arm64.bogus", "unknown setting")]
    [InlineData("build:\n  platform-overrides:\n    linux:\n      run-as: x\n", ".tko.yml:3: build.platform-overrides.linux", "linux")]
    [InlineData("build:\n  compression-level: 12\n", ".tko.yml:2: build.compression-level", "12")]
    [InlineData("build: [1\n", ".tko.yml:", "not valid YAML")]
    public async Task A_bad_file_is_a_usage_error_naming_file_line_and_key(string yaml, string naming, string problem)
    {
        using var workspace = new CliWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), yaml);

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img")));

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, naming);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task A_missing_config_file_is_a_usage_error()
    {
        using var workspace = new CliWorkspace();
        string missing = Path.Combine(workspace.Root, "nope.yml");

        ProcessResult result = await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), "--config", missing]);

        CliOutcome.Failed(result, CliOutcome.UsageError, missing);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public void Platform_overrides_become_the_specs_overrides()
    {
        using var workspace = new CliWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), """
            build:
              platforms: linux/amd64,linux/arm64
              platform-overrides:
                linux/arm64:
                  base-ref: arm64v8/busybox
                  source: dist-arm64
                  entrypoint: /tko-app/app-arm64
                  env: { GOARCH: arm64 }
                  run-as: "1000"
                linux/amd64:
                  env: { GOARCH: amd64 }
            """);
        var cli = new BuildCommandLine();

        BuildInvocation invocation = BuildSettings.Resolve(cli.Command.Parse([workspace.Source, "-T", "OCI_LAYOUT"]), cli, _ => null, workspace.Root);

        Assert.Equal([Platform.Parse("linux/amd64"), Platform.Parse("linux/arm64")], invocation.Spec.Platforms);
        Assert.Equal(
            [new PlatformOverride(Platform.Parse("linux/arm64"), "arm64v8/busybox", "dist-arm64", ["/tko-app/app-arm64"], ["GOARCH=arm64"], "1000"),
             PlatformOverride.None(Platform.Parse("linux/amd64")).WithEnv(["GOARCH=amd64"])],
            invocation.Spec.Overrides, new PlatformOverrideComparer());
    }

    /// <summary>Compares overrides by value, lists included (records compare lists by reference).</summary>
    private sealed class PlatformOverrideComparer : IEqualityComparer<PlatformOverride>
    {
        public bool Equals(PlatformOverride? a, PlatformOverride? b) =>
            a is not null && b is not null && a.Platform == b.Platform && a.BaseRef == b.BaseRef && a.SourceDirectory == b.SourceDirectory
            && a.User == b.User && (a.Entrypoint ?? []).SequenceEqual(b.Entrypoint ?? []) && (a.Env ?? []).SequenceEqual(b.Env ?? [])
            && (a.Entrypoint is null) == (b.Entrypoint is null) && (a.Env is null) == (b.Env is null);

        public int GetHashCode(PlatformOverride value) => value.Platform.GetHashCode();
    }
}
