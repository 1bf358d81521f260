using System.Text.Json;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli.ImageSettings;

/// <summary>
/// An exec-form <c>--entrypoint</c> (a JSON array) becomes the config's Entrypoint argv as written,
/// and the image, unpacked by umoci, runs it under chroot with its arguments and <c>--cmd</c>'s.
/// </summary>
public sealed class ExecFormEntrypointRuns
{
    /// <summary>Runs the config's Entrypoint and Cmd in the unpacked root filesystem, from its WorkingDir, as a runtime would.</summary>
    private static async Task<string> RunAsync(RegistryImage image, string tag)
    {
        JsonElement config = await image.ConfigAsync(tag);
        string[] argv = [.. config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()!),
            .. config.TryGetProperty("Cmd", out JsonElement cmd) && cmd.ValueKind == JsonValueKind.Array ? cmd.EnumerateArray().Select(e => e.GetString()!) : []];
        string rootfs = await image.UnpackAsync(tag);
        ProcessResult run = await ProcessRunner.RunCheckedAsync(RequiredTool.Find("chroot", "coreutils"), [rootfs, .. argv]);
        return run.StandardOutput;
    }

    [Fact]
    public async Task A_json_array_entrypoint_runs_with_its_arguments_and_the_cmd()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();

        CliOutcome.Succeeded(await image.PushAsync("v1", ["--entrypoint", """["/tko-app/app","one","two words"]""", "--cmd", "three"]));

        JsonElement config = await image.ConfigAsync("v1");
        Assert.Equal(["/tko-app/app", "one", "two words"], config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("args: one two words three\n", await RunAsync(image, "v1"));
    }

    [Fact]
    public async Task A_shell_of_the_base_runs_a_command_line_given_in_exec_form()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();

        ProcessResult push = await image.PushAsync("sh", ["--entrypoint", """["/bin/sh","-c","echo \"hi from $0\"","tko"]"""]);

        CliOutcome.Succeeded(push);
        Assert.DoesNotContain("warning", push.StandardError, StringComparison.Ordinal);
        Assert.Equal("hi from tko\n", await RunAsync(image, "sh"));
    }
}
