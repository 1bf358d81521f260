using System.Text.Json;
using System.Text;

namespace Tko.Registry;

/// <summary>
/// Credentials as the docker CLI finds them in <c>config.json</c>: a <c>credHelpers</c> entry for the
/// registry first, else the <c>credsStore</c>, else the <c>auths</c> entry (base64 <c>auth</c>,
/// <c>username</c>/<c>password</c>, <c>identitytoken</c>, <c>registrytoken</c>). A missing file or
/// entry gives nothing; an unreadable file is an error naming it.
/// </summary>
internal sealed class DockerConfigCredentials(string directory, CredentialHelper helpers) : ICredentialSource
{
    private readonly Lazy<DockerConfigFile?> _config = new(() => Read(Path.Combine(directory, "config.json")));

    private string ConfigPath => Path.Combine(directory, "config.json");

    public async Task<Credential?> FindAsync(string registry, CancellationToken cancellationToken)
    {
        DockerConfigFile? config = _config.Value;
        if (config is null) return null;

        string? helper = config.CredHelpers?.FirstOrDefault(h => RegistryNames.Same(h.Key, registry)).Value;
        if (helper is { Length: > 0 })
            return await helpers.GetAsync(helper, registry, cancellationToken);
        if (config.CredsStore is { Length: > 0 } store)
            return await helpers.GetAsync(store, registry, cancellationToken);

        DockerConfigAuth? entry = FindEntry(config, registry);
        return entry is null ? null : FromEntry(entry, registry);
    }

    private static DockerConfigAuth? FindEntry(DockerConfigFile config, string registry)
    {
        if (config.Auths is null) return null;
        // An exact key first (as docker login writes it), then any key naming the same host.
        return config.Auths.TryGetValue(RegistryNames.ServerUrl(registry), out DockerConfigAuth? exact)
            ? exact
            : config.Auths.FirstOrDefault(a => RegistryNames.Same(a.Key, registry)).Value;
    }

    private Credential? FromEntry(DockerConfigAuth entry, string registry)
    {
        string? user = entry.Username, password = entry.Password;
        if (entry.Auth is { Length: > 0 } auth)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
            }
            catch (FormatException)
            {
                throw new TkoException($"{ConfigPath}: the auth of {registry} is not base64 of user:password; log in again (docker login {registry})");
            }
            int colon = decoded.IndexOf(':');
            if (colon < 0)
                throw new TkoException($"{ConfigPath}: the auth of {registry} is not of the form user:password; log in again (docker login {registry})");
            (user, password) = (decoded[..colon], decoded[(colon + 1)..]);
        }
        string? identity = entry.IdentityToken is { Length: > 0 } i ? i : null;
        string? registryToken = entry.RegistryToken is { Length: > 0 } r ? r : null;
        if (identity is not null) password = null;
        if (password is { Length: 0 }) password = null;
        if (password is null && identity is null && registryToken is null) return null;
        return new Credential(user, password, identity, registryToken, $"docker config {ConfigPath}");
    }

    private static DockerConfigFile? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), RegistryJsonContext.Default.DockerConfigFile);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new TkoException($"{path}: cannot be read as docker's config ({Redactor.OneLine(e.Message)}); fix or remove it", e);
        }
    }
}
