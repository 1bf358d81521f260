using System.Text.Json;
using Tko.Integration.Support;
using Tko.Testing;
using Tko.Testing.Registry;

namespace Tko.Integration.Cli.ImageSettings;

/// <summary>A workspace that pushes to a real registry on a busybox base, and reads the pushed config and manifest back with skopeo.</summary>
internal sealed class RegistryImage : IAsyncDisposable
{
    private readonly TempDirectory _work = new("config");

    private RegistryImage(RegistryServer registry, string baseRef)
    {
        Registry = registry;
        BaseRef = baseRef;
        Directory.CreateDirectory(_work.Combine("docker"));
        Directory.CreateDirectory(Source);
        File.WriteAllText(Path.Combine(Source, "app"), "#!/bin/sh\necho \"args: $*\"\n");
        File.SetUnixFileMode(Path.Combine(Source, "app"), (UnixFileMode)0b111_101_101);
        // A symlink into the base, so that an entrypoint can be found only by following it there.
        File.CreateSymbolicLink(Path.Combine(Source, "tools"), "/bin");
    }

    public RegistryServer Registry { get; }
    public string BaseRef { get; }
    public string Root => _work.Path;
    public string Source => _work.Combine("src");

    public static async Task<RegistryImage> StartAsync()
    {
        RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        return new RegistryImage(registry, await BusyboxImage.PushAsync(registry, "busybox"));
    }

    /// <summary>As <see cref="StartAsync"/>, the base being a busybox index of linux/amd64 and linux/arm64.</summary>
    public static async Task<RegistryImage> StartWithIndexAsync()
    {
        RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        return new RegistryImage(registry, await BusyboxImage.PushIndexAsync(registry, "busybox"));
    }

    /// <summary>The environment of a run: an empty docker config, then <paramref name="extra"/>.</summary>
    public Dictionary<string, string?> Environment(params (string Name, string Value)[] extra)
    {
        var environment = new Dictionary<string, string?> { ["DOCKER_CONFIG"] = _work.Combine("docker") };
        foreach ((string name, string value) in extra) environment[name] = value;
        return environment;
    }

    /// <summary>Pushes SOURCE onto <paramref name="baseRef"/> (busybox by default) as <c>REGISTRY/app:TAG</c> with <paramref name="arguments"/>.</summary>
    public Task<ProcessResult> PushAsync(string tag, string[] arguments, IReadOnlyDictionary<string, string?>? environment = null, string? baseRef = null) =>
        TkoCli.BuildAsync(Root, [Source, "--base-ref", baseRef ?? BaseRef, "--target-type", "REMOTE", "--target-repo", Reference(tag), .. arguments], environment ?? Environment());

    public string Reference(string tag) => $"{Registry.Host}/app:{tag}";

    /// <summary><c>skopeo inspect --config</c>'s <c>config</c> object.</summary>
    public async Task<JsonElement> ConfigAsync(string tag)
    {
        ProcessResult inspect = await Skopeo.InspectAsync(Reference(tag), Registry, null, "--config");
        return JsonDocument.Parse(inspect.StandardOutput).RootElement.GetProperty("config").Clone();
    }

    /// <summary><c>skopeo inspect --raw</c>: the manifest.</summary>
    public async Task<JsonElement> ManifestAsync(string tag)
    {
        ProcessResult inspect = await Skopeo.InspectAsync(Reference(tag), Registry, null, "--raw");
        return JsonDocument.Parse(inspect.StandardOutput).RootElement.Clone();
    }

    /// <summary>Whether the registry holds the tag, as skopeo sees it.</summary>
    public async Task<bool> HasTagAsync(string tag)
    {
        ProcessResult tags = await ProcessRunner.RunAsync(RequiredTool.Find("skopeo", "skopeo"),
            ["--insecure-policy", "list-tags", .. Skopeo.RegistryFlags("", Registry, null), $"docker://{Registry.Host}/app"], Root, null, TimeSpan.FromSeconds(60));
        return tags.ExitCode == 0 && tags.StandardOutput.Contains($"\"{tag}\"", StringComparison.Ordinal);
    }

    /// <summary>Copies the tag into a layout, unpacks it with umoci and returns the root filesystem.</summary>
    public async Task<string> UnpackAsync(string tag)
    {
        string layout = _work.Combine("copy-" + tag);
        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"),
            ["--insecure-policy", "copy", .. Skopeo.RegistryFlags("src-", Registry, null), $"docker://{Reference(tag)}", $"oci:{layout}:{tag}"]);
        return await ImageTools.UmociUnpackAsync(layout, tag, _work.Combine("bundle-" + tag));
    }

    public static Dictionary<string, string> Map(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString()) : [];

    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync();
        _work.Dispose();
    }
}
