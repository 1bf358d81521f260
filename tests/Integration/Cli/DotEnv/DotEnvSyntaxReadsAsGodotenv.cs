using Tko.Cli.DotEnv;
using Tko.Integration.Packaging;
using Xunit;

namespace Tko.Integration.Cli.DotEnv;

/// <summary>
/// <c>.env</c> text reads as godotenv 1.5.1 (the Go tko's reader) reads it. The inputs and values
/// are the behaviours godotenv's own tests and fixtures (joho/godotenv, godotenv_test.go and
/// fixtures/*.env at v1.5.1) pin down; the refusals are where tko is stricter and names the line.
/// </summary>
public sealed class DotEnvSyntaxReadsAsGodotenv
{
    [Theory]
    [InlineData("FOO=bar", "FOO", "bar")]
    [InlineData("FOO =bar", "FOO", "bar")]
    [InlineData("FOO= bar", "FOO", "bar")]
    [InlineData("OPTION_E = 5", "OPTION_E", "5")]
    [InlineData("OPTION_F = ", "OPTION_F", "")]
    [InlineData("OPTION_H=1 2", "OPTION_H", "1 2")]
    [InlineData("FOO=bar ", "FOO", "bar")]
    [InlineData("FOO=foobar=", "FOO", "foobar=")]
    [InlineData("FOO.BAR=foobar", "FOO.BAR", "foobar")]
    [InlineData("OPTION_A: 1", "OPTION_A", "1")]
    [InlineData("OPTION_A: Foo=bar", "OPTION_A", "Foo=bar")]
    [InlineData("OPTION_A=1:B", "OPTION_A", "1:B")]
    [InlineData("export OPTION_A=2", "OPTION_A", "2")]
    [InlineData("export\tOPTION_A=2", "OPTION_A", "2")]
    [InlineData("  export OPTION_A=2", "OPTION_A", "2")]
    [InlineData("export exportFoo=2", "exportFoo", "2")]
    [InlineData("exportFOO=2", "exportFOO", "2")]
    [InlineData("export_FOO =2", "export_FOO", "2")]
    [InlineData("export.FOO= 2", "export.FOO", "2")]
    [InlineData("export OPTION_A='postgres://localhost:5432/database?sslmode=disable'", "OPTION_A", "postgres://localhost:5432/database?sslmode=disable")]
    [InlineData("FOO=\"bar\"", "FOO", "bar")]
    [InlineData("FOO='bar'", "FOO", "bar")]
    [InlineData("OPTION_C=''", "OPTION_C", "")]
    [InlineData("OPTION_G=\"\"", "OPTION_G", "")]
    [InlineData(@"OPTION_D='\n'", "OPTION_D", @"\n")]
    [InlineData(@"OPTION_H=""\n""", "OPTION_H", "\n")]
    [InlineData(@"FOO=""escaped\""bar""", "FOO", "escaped\"bar")]
    [InlineData("FOO=\"'d'\"", "FOO", "'d'")]
    [InlineData("OPTION_I = \"echo 'asd'\"", "OPTION_I", "echo 'asd'")]
    [InlineData(@"FOO=""bar\nbaz""", "FOO", "bar\nbaz")]
    [InlineData(@"FOO=""bar\n\ b\az""", "FOO", "bar\n baz")]
    [InlineData(@"FOO=""bar\\\n\ b\az""", "FOO", "bar\\\n baz")]
    [InlineData(@"FOO=""bar\\r\ b\az""", "FOO", @"bar\r baz")]
    [InlineData("OPTION_J='line 1\nline 2'", "OPTION_J", "line 1\nline 2")]
    [InlineData("OPTION_K='line one\nthis is \\'quoted\\'\none more line'", "OPTION_K", "line one\nthis is \\'quoted\\'\none more line")]
    [InlineData("OPTION_M=\"line one\nthis is \\\"quoted\\\"\none more line\"", "OPTION_M", "line one\nthis is \"quoted\"\none more line")]
    [InlineData("FOO=bar # this is foo", "FOO", "bar")]
    [InlineData("bar=foo#baz", "bar", "foo#baz")]
    [InlineData("baz=\"foo\"#bar", "baz", "foo")]
    [InlineData("FOO=\"bar#baz\" # comment", "FOO", "bar#baz")]
    [InlineData("FOO='bar#baz' # comment", "FOO", "bar#baz")]
    [InlineData("FOO=\"ba#r\"", "FOO", "ba#r")]
    [InlineData("KEY=value value", "KEY", "value value")]
    [InlineData(" KEY =value", "KEY", "value")]
    [InlineData("\tKEY=value", "KEY", "value")]
    [InlineData("KEY=value\r\nOTHER=1", "KEY", "value")]
    [InlineData("# Full line comment\n\t # indented\n\nKEY=value", "KEY", "value")]
    [InlineData("FOO=test\nBAR=$FOO", "BAR", "test")]
    [InlineData("FOO=test\nBAR=${FOO}bar", "BAR", "testbar")]
    [InlineData("BAR=$FOO", "BAR", "")]
    [InlineData("FOO=test\nBAR=\"quote $FOO\"", "BAR", "quote test")]
    [InlineData("BAR='quote $FOO'", "BAR", "quote $FOO")]
    [InlineData(@"FOO=""foo\$BAR""", "FOO", "foo$BAR")]
    [InlineData(@"FOO=""foo\${BAR}""", "FOO", "foo${BAR}")]
    [InlineData("FOO=test\nBAR=\"foo\\${FOO} ${FOO}\"", "BAR", "foo${FOO} test")]
    [InlineData("OPTION_A=1\nOPTION_D=${OPTION_A}${OPTION_A}", "OPTION_D", "11")]
    [InlineData("PRICE=5$ or $lower", "PRICE", "5$ or $lower")]
    [InlineData("A=1\nA=2", "A", "2")]
    public void A_statement_reads_as_godotenv_reads_it(string text, string name, string value)
    {
        Dictionary<string, string> read = DotEnvSyntax.Parse(".env", text).ToDictionary(v => v.Name, v => v.Value);

        Assert.True(read.TryGetValue(name, out string? found), $"{name} not read from [{text}]; read {string.Join(", ", read.Keys)}");
        Assert.Equal(value, found);
    }

    [Fact]
    public void The_variables_come_in_file_order_a_repeated_name_keeping_its_first_place_and_its_last_line()
    {
        Assert.Equal(
            [new("B", "3", 5), new DotEnvVariable("A", "2", 2), new("C", "", 6)],
            DotEnvSyntax.Parse(".env", "B=1\nA=2\n# c\n\nB=\"3\"\nC=\n"));
    }

    [Theory]
    [InlineData("A=1\nINVALID LINE\nfoo=bar\n", ".env:2", "has no '='")]
    [InlineData("A=1\nlol$wut\n", ".env:2", "'$' cannot be part of a variable name")]
    [InlineData("TKO-JOBS=2\n", ".env:1", "'-' cannot be part of a variable name")]
    [InlineData("A=1\n=value\n", ".env:2", "no variable name")]
    [InlineData("A=1\nB=\"open\nC=2\n", ".env:2", "no closing \"")]
    [InlineData("A='open", ".env:1", "no closing '")]
    [InlineData("A=1\n\nB=\"x\" y\n", ".env:3", "text after the closing \"")]
    [InlineData("A=\"multi\nline\" junk\n", ".env:2", "text after the closing \"")]
    public void A_malformed_statement_is_refused_naming_file_and_line(string text, string where, string problem)
    {
        OptionException refused = Assert.Throws<OptionException>(() => DotEnvSyntax.Parse(".env", text));

        Assert.Equal(where, refused.Option);
        Assert.Contains(problem, refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void READMEs_sample_file_reads_as_README_says()
    {
        string readme = File.ReadAllText(Path.Combine(ShippedArtifacts.RepositoryRoot, "README.md"));
        int section = readme.IndexOf("### `.env` and `.env.local`", StringComparison.Ordinal);
        Assert.True(section >= 0, "README has no .env section");
        int start = readme.IndexOf("```sh\n", section, StringComparison.Ordinal) + "```sh\n".Length;
        string sample = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        Dictionary<string, string> read = DotEnvSyntax.Parse(".env", sample).ToDictionary(v => v.Name, v => v.Value);

        Assert.Equal(new Dictionary<string, string>
        {
            ["TKO_BASE_REF"] = "busybox:1.36",
            ["TKO_TARGET_REPO"] = "ghcr.io/me/app",
            ["APP"] = "web",
            ["TKO_AUTHOR"] = "me <me@example.com>",
            ["TKO_ENV_VARS"] = @"GREETING=hello\, world",
            ["TKO_ANNOTATIONS"] = "org.opencontainers.image.source=https://github.com/me/web",
        }, read);
    }
}
