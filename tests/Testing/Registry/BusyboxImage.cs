namespace Tko.Testing.Registry;

/// <summary>
/// Puts a tiny real image into a <see cref="RegistryServer"/> the way another tool would:
/// Debian's busybox-static as one layer (/bin/busybox, with /bin/sh, /bin/echo, /bin/cat and
/// /bin/ls linked to it), Env PATH=/usr/sbin:/usr/bin:/sbin:/bin and Cmd ["/bin/sh"], written as
/// an OCI layout and pushed with <c>skopeo copy --preserve-digests</c>, so the registry holds
/// exactly the bytes written (OCI media types). Returns "HOST/REPO:TAG".
/// </summary>
public static class BusyboxImage
{
    /// <summary>Pushes the single-platform image (the host's architecture, so it can run here).</summary>
    public static Task<string> PushAsync(RegistryServer registry, string repository, string tag = "latest", BasicCredentials? credentials = null) =>
        PushLayoutAsync(registry, repository, tag, credentials, BusyboxLayout.WriteImageAsync, all: false);

    /// <summary>Pushes an OCI index of linux/amd64 and linux/arm64 images that share the busybox layer.</summary>
    public static Task<string> PushIndexAsync(RegistryServer registry, string repository, string tag = "latest", BasicCredentials? credentials = null) =>
        PushLayoutAsync(registry, repository, tag, credentials, BusyboxLayout.WriteIndexAsync, all: true);

    private static async Task<string> PushLayoutAsync(
        RegistryServer registry, string repository, string tag, BasicCredentials? credentials, Func<string, string, Task> writeLayout, bool all)
    {
        using var layout = new TempDirectory("busybox-layout");
        await writeLayout(layout.Path, tag);
        string reference = $"{registry.Host}/{repository}:{tag}";
        await Skopeo.CopyAsync($"oci:{layout.Path}:{tag}", reference, registry, credentials, all);
        return reference;
    }
}
