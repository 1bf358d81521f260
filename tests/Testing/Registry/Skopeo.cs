namespace Tko.Testing.Registry;

/// <summary>
/// Runs skopeo against a <see cref="RegistryServer"/> with the flags its options need: no TLS
/// verification for plain HTTP (skopeo then falls back from https to http), the test CA's
/// directory for TLS, and the given credentials or explicitly none — never whatever auth.json
/// the machine has. A policy that accepts anything keeps /etc/containers out of it.
/// </summary>
public static class Skopeo
{
    /// <summary><c>skopeo copy SOURCE docker://DESTINATION</c>, failing with skopeo's output.</summary>
    public static Task CopyAsync(string source, string destination, RegistryServer registry, BasicCredentials? credentials = null, bool all = false) =>
        ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"),
            ["--insecure-policy", "copy", "--preserve-digests", .. all ? ["--all"] : Array.Empty<string>(),
             .. RegistryFlags("dest-", registry, credentials), source, $"docker://{destination}"]);

    /// <summary>
    /// <c>skopeo inspect [flags] docker://REFERENCE</c>; its stdout (JSON, or the raw manifest with
    /// <c>--raw</c>), failing with skopeo's output.
    /// </summary>
    public static async Task<ProcessResult> InspectAsync(string reference, RegistryServer registry, BasicCredentials? credentials = null, params string[] flags) =>
        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("skopeo", "skopeo"),
            ["--insecure-policy", "inspect", .. flags, .. RegistryFlags("", registry, credentials), $"docker://{reference}"]);

    /// <summary>
    /// The flags that reach <paramref name="registry"/>; <paramref name="prefix"/> is "", "src-"
    /// or "dest-" as the skopeo command wants.
    /// </summary>
    public static IReadOnlyList<string> RegistryFlags(string prefix, RegistryServer registry, BasicCredentials? credentials)
    {
        var flags = new List<string>();
        if (registry.CertificateDirectory is { } certificates) flags.AddRange([$"--{prefix}cert-dir", certificates, $"--{prefix}tls-verify=true"]);
        else flags.Add($"--{prefix}tls-verify=false");
        if (credentials is null) flags.Add($"--{prefix}no-creds");
        else flags.AddRange([$"--{prefix}creds", $"{credentials.User}:{credentials.Password}"]);
        return flags;
    }
}
