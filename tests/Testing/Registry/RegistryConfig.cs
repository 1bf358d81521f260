using System.Text;

namespace Tko.Testing.Registry;

/// <summary>What goes into one registry's config.yml besides its port.</summary>
internal sealed record RegistryConfigInputs(
    string StorageDirectory,
    TestCertificateAuthority? Tls,
    string? HtpasswdPath,
    TokenServer? Token,
    string? TokenCertificateBundlePath);

/// <summary>
/// Writes distribution 2.8's config.yml. The access log is on (it is how <see cref="RegistryServer.Requests"/>
/// is known); the app log is JSON; uploads are never purged and deletes are allowed, so tests
/// see what they did; the storage health check is off so it adds no log noise.
/// </summary>
internal static class RegistryConfig
{
    public const string BasicRealm = "tko-test-registry";

    public static string Render(RegistryConfigInputs inputs, int port)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("version: 0.1");
        yaml.AppendLine("log:");
        yaml.AppendLine("  level: info");
        yaml.AppendLine("  formatter: json");
        yaml.AppendLine("  accesslog:");
        yaml.AppendLine("    disabled: false");
        yaml.AppendLine("storage:");
        yaml.AppendLine("  filesystem:");
        yaml.AppendLine($"    rootdirectory: {Quote(inputs.StorageDirectory)}");
        yaml.AppendLine("  delete:");
        yaml.AppendLine("    enabled: true");
        yaml.AppendLine("  maintenance:");
        yaml.AppendLine("    uploadpurging:");
        yaml.AppendLine("      enabled: false");
        yaml.AppendLine("http:");
        yaml.AppendLine($"  addr: {Quote($"127.0.0.1:{port}")}");
        // A fixed secret silences the "no HTTP secret" warning; upload state is HMAC'd with it.
        yaml.AppendLine("  secret: tko-test-registry-secret");
        if (inputs.Tls is { } tls)
        {
            yaml.AppendLine("  tls:");
            yaml.AppendLine($"    certificate: {Quote(tls.ServerCertificatePath)}");
            yaml.AppendLine($"    key: {Quote(tls.ServerKeyPath)}");
        }
        yaml.AppendLine("health:");
        yaml.AppendLine("  storagedriver:");
        yaml.AppendLine("    enabled: false");
        if (inputs.HtpasswdPath is { } htpasswd)
        {
            yaml.AppendLine("auth:");
            yaml.AppendLine("  htpasswd:");
            yaml.AppendLine($"    realm: {Quote(BasicRealm)}");
            yaml.AppendLine($"    path: {Quote(htpasswd)}");
        }
        else if (inputs.Token is { } token)
        {
            yaml.AppendLine("auth:");
            yaml.AppendLine("  token:");
            yaml.AppendLine($"    realm: {Quote(token.Realm.ToString())}");
            yaml.AppendLine($"    service: {Quote(token.Service)}");
            yaml.AppendLine($"    issuer: {Quote(token.Issuer)}");
            yaml.AppendLine($"    rootcertbundle: {Quote(inputs.TokenCertificateBundlePath!)}");
        }
        return yaml.ToString();
    }

    // YAML double-quoted scalars take JSON-style escapes.
    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
