using System.Text.Json;
using Xunit;

namespace Tko.Integration.Cli.ImageSettings;

/// <summary>
/// <c>--cmd</c>, <c>--expose</c> and <c>--workdir</c> (and their variables and <c>.tko.yml</c> keys)
/// reach the pushed config as <c>skopeo inspect --config</c> reads it; ports are merged with the base's.
/// </summary>
public sealed class CmdPortsAndWorkdirReachTheConfig
{
    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string[] Ports(JsonElement config) => [.. config.GetProperty("ExposedPorts").EnumerateObject().Select(p => p.Name)];

    [Fact]
    public async Task Cmd_ports_merged_with_the_bases_and_working_directory_come_from_flags()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();
        CliOutcome.Succeeded(await image.PushAsync("base", ["--expose", "53/udp", "--expose", "9000"]));

        CliOutcome.Succeeded(await image.PushAsync("v1",
            ["--cmd", "--listen", "--cmd", "0.0.0.0:8080", "--expose", "8080", "--expose", "53/udp", "--expose", "8443/TCP", "--workdir", "/srv/data"],
            baseRef: image.Reference("base")));

        JsonElement config = await image.ConfigAsync("v1");
        Assert.Equal(["--listen", "0.0.0.0:8080"], Strings(config.GetProperty("Cmd")));
        // The config is canonical JSON, its keys sorted: the base's ports and the new ones, each once.
        Assert.Equal(["53/udp", "8080/tcp", "8443/tcp", "9000/tcp"], Ports(config));
        Assert.Equal("/srv/data", config.GetProperty("WorkingDir").GetString());
        Assert.Equal(["/tko-app/app"], Strings(config.GetProperty("Entrypoint")));
    }

    [Fact]
    public async Task Cmd_ports_and_working_directory_come_from_variables_and_from_the_file()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();

        CliOutcome.Succeeded(await image.PushAsync("env", [],
            image.Environment(("TKO_CMD", "serve,--port\\,alt"), ("TKO_EXPOSE", "80,81/udp"), ("TKO_WORKDIR", "/var/lib/app"))));
        File.WriteAllText(Path.Combine(image.Root, ".tko.yml"), "build:\n  cmd: [serve, --quiet]\n  expose: [\"7000/udp\"]\n  workdir: /opt\n");
        CliOutcome.Succeeded(await image.PushAsync("file", []));

        JsonElement fromEnv = await image.ConfigAsync("env");
        Assert.Equal(["serve", "--port,alt"], Strings(fromEnv.GetProperty("Cmd")));
        Assert.Equal(["80/tcp", "81/udp"], Ports(fromEnv));
        Assert.Equal("/var/lib/app", fromEnv.GetProperty("WorkingDir").GetString());
        JsonElement fromFile = await image.ConfigAsync("file");
        Assert.Equal(["serve", "--quiet"], Strings(fromFile.GetProperty("Cmd")));
        Assert.Equal(["7000/udp"], Ports(fromFile));
        Assert.Equal("/opt", fromFile.GetProperty("WorkingDir").GetString());
    }

    [Fact]
    public async Task Without_the_options_cmd_is_cleared_ports_are_the_bases_and_the_working_directory_is_the_destination()
    {
        await using RegistryImage image = await RegistryImage.StartAsync();
        CliOutcome.Succeeded(await image.PushAsync("base", ["--cmd", "from-base", "--expose", "9000"]));

        CliOutcome.Succeeded(await image.PushAsync("plain", ["--dest-path", "/app"], baseRef: image.Reference("base")));

        JsonElement config = await image.ConfigAsync("plain");
        Assert.True(!config.TryGetProperty("Cmd", out JsonElement cmd) || cmd.ValueKind == JsonValueKind.Null, $"Cmd was kept: {cmd}");
        Assert.Equal(["9000/tcp"], Ports(config));
        Assert.Equal("/app", config.GetProperty("WorkingDir").GetString());
    }
}
