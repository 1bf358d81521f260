using Xunit;

namespace Tko.Integration.Cli.ImageSettings;

/// <summary>
/// A bad <c>--entrypoint</c>, <c>--expose</c> or <c>--workdir</c> is one <c>tko:</c> line naming
/// where it was given, exit 2, and nothing is pushed.
/// </summary>
public sealed class BadConfigInputsAreRefused
{
    [Theory]
    [InlineData("--entrypoint", "/bin/sh /tko-app/app", "[\"/bin/sh\",\"/tko-app/app\"]")]
    [InlineData("--entrypoint", "[\"/bin/sh\", 1]", "must be a string")]
    [InlineData("--entrypoint", "[\"/bin/sh\"", "is not a JSON array")]
    [InlineData("--entrypoint", "[]", "must start with the executable")]
    [InlineData("--expose", "70000", "1 to 65535")]
    [InlineData("--expose", "http", "1 to 65535")]
    [InlineData("--expose", "80/icmp", "the protocol must be")]
    [InlineData("--workdir", "srv", "is not absolute")]
    public async Task A_bad_value_is_one_line_naming_the_flag_and_nothing_is_pushed(string flag, string value, string problem)
    {
        await using RegistryImage image = await RegistryImage.StartAsync();

        string error = CliOutcome.Failed(await image.PushAsync("bad", [flag, value]), CliOutcome.UsageError, $"tko: {flag}: ");

        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.False(await image.HasTagAsync("bad"), "a refused build pushed");
    }

    [Fact]
    public async Task A_bad_value_from_a_variable_or_the_file_names_it()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();

        CliOutcome.Failed(await image.PushAsync("bad", [], image.Environment(("TKO_EXPOSE", "8080,99999"))), CliOutcome.UsageError, "tko: TKO_EXPOSE: '99999'");
        File.WriteAllText(Path.Combine(image.Root, ".tko.yml"), "build:\n  entrypoint: /tko-app/app --serve\n");
        CliOutcome.Failed(await image.PushAsync("bad", []), CliOutcome.UsageError, ".tko.yml:2: build.entrypoint: ");

        Assert.False(await image.HasTagAsync("bad"), "a refused build pushed");
    }
}
