using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli.ImageSettings;

/// <summary>
/// An entrypoint whose executable is in neither the new layer nor the base's layers gets one warning
/// line and the build succeeds; with <c>--strict</c> (or <c>TKO_STRICT</c>, <c>strict:</c>) it is one
/// <c>tko:</c> line, exit 2, and nothing is pushed. Found in either place, nothing is said.
/// </summary>
public sealed class MissingEntrypointWarnsOrFailsWhenStrict
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task An_executable_in_neither_layer_nor_base_is_one_warning_line_and_the_image_is_pushed()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();

        ProcessResult push = await image.PushAsync("v1", ["--entrypoint", "/usr/bin/nosuch"]);

        CliOutcome.Succeeded(push);
        string[] warnings = [.. Lines(push.StandardError).Where(l => l.StartsWith("tko: warning:", StringComparison.Ordinal))];
        Assert.Equal(
            [$"tko: warning: --entrypoint: /usr/bin/nosuch is neither in the new layer (SOURCE at /tko-app) nor in the base {image.BaseRef}; the image cannot start"],
            warnings);
        Assert.True(await image.HasTagAsync("v1"), "the warned build did not push");
    }

    [Theory]
    [InlineData("/tko-app/app")]                         // in the new layer
    [InlineData("/bin/busybox")]                         // in the base's layer
    [InlineData("[\"sh\",\"-c\",\"true\"]")]             // a bare name, found on the base's PATH
    [InlineData("./app")]                                // relative to the working directory, the destination
    [InlineData("/tko-app/tools/sh")]                    // through the new layer's symlink into the base
    public async Task An_executable_found_in_the_layer_or_the_base_gives_no_warning(string entrypoint)
    {
        await using RegistryImage image = await RegistryImage.StartAsync();

        ProcessResult push = await image.PushAsync("v1", ["--entrypoint", entrypoint]);

        CliOutcome.Succeeded(push);
        Assert.DoesNotContain("warning", push.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_from_flag_variable_or_file_makes_it_an_error_and_nothing_is_pushed()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();

        CliOutcome.Failed(await image.PushAsync("flag", ["--entrypoint", "/usr/bin/nosuch", "--strict"]),
            CliOutcome.UsageError, "tko: --entrypoint: /usr/bin/nosuch is neither in the new layer");
        CliOutcome.Failed(await image.PushAsync("env", [], image.Environment(("TKO_STRICT", "true"), ("TKO_ENTRYPOINT", "/usr/bin/nosuch"))),
            CliOutcome.UsageError, "tko: TKO_ENTRYPOINT: /usr/bin/nosuch");
        File.WriteAllText(Path.Combine(image.Root, ".tko.yml"), "build:\n  strict: true\n  entrypoint: /usr/bin/nosuch\n");
        CliOutcome.Failed(await image.PushAsync("file", []), CliOutcome.UsageError, "build.entrypoint: /usr/bin/nosuch");

        foreach (string tag in new[] { "flag", "env", "file" })
            Assert.False(await image.HasTagAsync(tag), $"the strict build {tag} pushed");
    }

    [Fact]
    public async Task On_scratch_only_the_new_layer_counts_and_nothing_is_written_when_strict()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();
        string warnedOutput = Path.Combine(image.Root, "warned"), strictOutput = Path.Combine(image.Root, "strict");
        Directory.CreateDirectory(warnedOutput);
        Directory.CreateDirectory(strictOutput);
        string[] arguments = [image.Source, "--base-ref", "scratch", "-T", "OCI_LAYOUT", "--entrypoint", "/bin/sh"];

        ProcessResult warned = await TkoCli.BuildAsync(image.Root, [.. arguments, "-o", Path.Combine(warnedOutput, "oci")]);
        ProcessResult refused = await TkoCli.BuildAsync(image.Root, [.. arguments, "-o", Path.Combine(strictOutput, "oci"), "--strict"]);

        CliOutcome.Succeeded(warned);
        Assert.Contains("tko: warning: --entrypoint: /bin/sh is not in the new layer (SOURCE at /tko-app) and the base scratch has no files", warned.StandardError, StringComparison.Ordinal);
        CliOutcome.Failed(refused, CliOutcome.UsageError, "tko: --entrypoint: /bin/sh is not in the new layer");
        CliOutcome.LeftNothingIn(strictOutput);
    }
}
