using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli.DotEnv;

/// <summary>
/// <c>.env.local</c> and <c>.env</c> in the working directory set tko's variables, as in the Go tko:
/// the process environment wins over <c>.env.local</c>, which wins over <c>.env</c>; a flag and a
/// variable beat <c>.tko.yml</c> as before; a malformed file is exit 2 naming file and line.
/// </summary>
public sealed class DotEnvFilesUnderTheEnvironment
{
    [Fact]
    public async Task Process_environment_beats_env_local_beats_env_beats_tko_yml()
    {
        using var workspace = new CliWorkspace();
        Write(workspace, ".tko.yml", "build:\n  author: yaml\n  run-as: yaml-user\n  env:\n    FROM: yaml\n");
        Write(workspace, ".env", """
            # the application's own settings live here too
            DATABASE_URL=postgres://localhost/app
            export TKO_BASE_REF=scratch
            TKO_TARGET_TYPE='OCI_LAYOUT'
            TKO_AUTHOR="from .env" # a comment
            TKO_RUN_AS=from-env
            TKO_ENV_VARS="FROM=${TKO_RUN_AS},GREETING=hello\\, world"
            """);
        Write(workspace, ".env.local", "TKO_RUN_AS=from-env-local\nTKO_AUTHOR: local\n");

        CliOutcome.Succeeded(await workspace.BuildAsync(
            new Dictionary<string, string?> { ["TKO_AUTHOR"] = "process" }, workspace.Source, "--output", workspace.Output("img")));

        ImageConfig config = Assert.Single(ImageValidation.ValidateLayout(workspace.Output("img"))).Config;
        Assert.Equal("process", config.Author);
        Assert.Equal("from-env-local", config.Config?.User);
        // ${TKO_RUN_AS} is .env's own value (godotenv expands within the file); "\\," is "\," once unquoted.
        Assert.Equal(["FROM=from-env", "GREETING=hello, world"], config.Config?.Env);
    }

    [Fact]
    public async Task Only_tko_variables_are_taken_from_the_files()
    {
        using var workspace = new CliWorkspace();
        // SOURCE_DATE_EPOCH would change the digest if it were read from .env.
        Write(workspace, ".env", "SOURCE_DATE_EPOCH=1700000000\n");

        Digest withFile = CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("with")))).Digest;
        File.Delete(Path.Combine(workspace.Root, ".env"));
        Digest without = CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("without")))).Digest;

        Assert.Equal(without, withFile);
    }

    [Theory]
    [InlineData(".env", "TKO_AUTHOR=ok\nTKO_RUN_AS=\"unterminated\n", ".env:2")]
    [InlineData(".env.local", "# local\nnot a statement\n", ".env.local:2")]
    public async Task A_malformed_file_is_a_usage_error_naming_file_and_line(string name, string text, string where)
    {
        using var workspace = new CliWorkspace();
        Write(workspace, name, text);

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Failed(result, CliOutcome.UsageError, $"tko: {where}: ");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task A_bad_value_from_env_is_named_by_its_variable()
    {
        using var workspace = new CliWorkspace();
        Write(workspace, ".env", "TKO_JOBS=many\n");

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Failed(result, CliOutcome.UsageError, "tko: TKO_JOBS (.env:1): 'many' is not a whole number");
    }

    private static void Write(CliWorkspace workspace, string name, string text) => File.WriteAllText(Path.Combine(workspace.Root, name), text);
}
