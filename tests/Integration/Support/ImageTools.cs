using System.Text.Json;
using Tko.Testing;

namespace Tko.Integration.Support;

/// <summary>The real tools an image must satisfy: skopeo, umoci and GNU tar, each failing loudly when missing.</summary>
public static class ImageTools
{
    /// <summary><c>skopeo inspect [flags] REFERENCE</c>, parsed.</summary>
    public static async Task<JsonElement> SkopeoInspectAsync(string reference, params string[] flags)
    {
        ProcessResult result = await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"), ["inspect", .. flags, reference]);
        using JsonDocument document = JsonDocument.Parse(result.StandardOutput);
        return document.RootElement.Clone();
    }

    /// <summary><c>skopeo inspect --raw REFERENCE</c>: the manifest bytes as skopeo read them.</summary>
    public static async Task<byte[]> SkopeoRawManifestAsync(string reference) =>
        (await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"), ["inspect", "--raw", reference])).RawOutput;

    /// <summary><c>umoci unpack --rootless</c> of <paramref name="layout"/>:<paramref name="tag"/>; returns the bundle's rootfs.</summary>
    public static async Task<string> UmociUnpackAsync(string layout, string tag, string bundle)
    {
        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("umoci", "umoci"), ["unpack", "--rootless", "--image", $"{layout}:{tag}", bundle]);
        return Path.Combine(bundle, "rootfs");
    }

    /// <summary>GNU tar's verbose listing with numeric owners and times in UTC.</summary>
    public static async Task<string[]> GnuTarListAsync(string tarball)
    {
        ProcessResult result = await ProcessRunner.RunCheckedAsync(RequiredTool.Find("tar", "tar"), ["--numeric-owner", "-tvf", tarball],
            environment: new Dictionary<string, string?> { ["TZ"] = "UTC", ["LC_ALL"] = "C" });
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Extracts <paramref name="tarball"/> into <paramref name="directory"/> with GNU tar.</summary>
    public static Task ExtractAsync(string tarball, string directory) =>
        ProcessRunner.RunCheckedAsync(RequiredTool.Find("tar", "tar"), ["-xf", tarball, "-C", directory]);
}
