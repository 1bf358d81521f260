using System.Text.Json;
using Tko.Testing;

namespace Tko.Integration.Support;

/// <summary>The real tools an image must satisfy: skopeo, umoci, podman, GNU tar and zstd, each failing loudly when missing.</summary>
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

    /// <summary>Decompresses a zstd blob into <paramref name="output"/> with the zstd program.</summary>
    public static Task UnzstdAsync(string blob, string output) =>
        ProcessRunner.RunCheckedAsync(RequiredTool.Find("zstd", "zstd"), ["-d", "-q", "-f", blob, "-o", output]);

    /// <summary>
    /// Unpacks <paramref name="layout"/>:<paramref name="tag"/> the way a runtime does: podman, with
    /// storage of its own (vfs driver) that is removed afterwards, pulls the layout, creates a
    /// container of it and exports the container's filesystem, which GNU tar extracts into
    /// <paramref name="rootfs"/>. For zstd layers, which Debian 12's umoci (0.4.7) refuses.
    /// </summary>
    public static async Task PodmanUnpackAsync(string layout, string tag, string rootfs)
    {
        string podman = RequiredTool.Find("podman", "podman");
        // Podman refuses a runroot longer than 50 characters, too short for TempDirectory's names.
        string root = Path.Combine(Path.GetTempPath(), $"tko-podman-{Random.Shared.Next():x8}");
        string tmp = Path.Combine(root, "tmp");
        Directory.CreateDirectory(tmp);
        var environment = new Dictionary<string, string?> { ["TMPDIR"] = tmp };
        string[] global = ["--storage-driver", "vfs", "--root", Path.Combine(root, "storage"), "--runroot", Path.Combine(root, "run"),
            "--tmpdir", tmp, "--cgroup-manager", "cgroupfs", "--events-backend", "file"];
        try
        {
            string imageId = (await ProcessRunner.RunCheckedAsync(podman, [.. global, "pull", "-q", $"oci:{layout}:{tag}"], environment: environment)).StandardOutput.Trim();
            string container = (await ProcessRunner.RunCheckedAsync(podman, [.. global, "create", imageId, "/"], environment: environment)).StandardOutput.Trim();
            string exported = Path.Combine(root, "rootfs.tar");
            await ProcessRunner.RunCheckedAsync(podman, [.. global, "export", "-o", exported, container], environment: environment);
            Directory.CreateDirectory(rootfs);
            await ExtractAsync(exported, rootfs);
            await ProcessRunner.RunCheckedAsync(podman, [.. global, "rm", container], environment: environment);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
