using System.Collections.Concurrent;

namespace Tko.Registry;

/// <summary>
/// Credential sources tried in order (explicit login, docker config with its helpers,
/// <c>GITHUB_TOKEN</c>); anonymous when none has any. Each registry is looked up once per client.
/// Every secret found is handed to the redactor, with the user for its Basic (base64) form.
/// </summary>
internal sealed class CredentialChain(IReadOnlyList<ICredentialSource> sources, Redactor redactor)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Credential>>> _found = new(StringComparer.OrdinalIgnoreCase);

    public Task<Credential> FindAsync(string registry, CancellationToken cancellationToken)
    {
        Lazy<Task<Credential>> lookup = _found.GetOrAdd(registry, r => new Lazy<Task<Credential>>(() => LookUpAsync(r, cancellationToken)));
        Task<Credential> task = lookup.Value;
        if (task.IsFaulted || task.IsCanceled) _found.TryRemove(new KeyValuePair<string, Lazy<Task<Credential>>>(registry, lookup));
        return task;
    }

    private async Task<Credential> LookUpAsync(string registry, CancellationToken cancellationToken)
    {
        foreach (ICredentialSource source in sources)
        {
            if (await source.FindAsync(registry, cancellationToken) is { } credential)
            {
                redactor.AddLogin(credential.Username, credential.Password);
                redactor.Add(credential.IdentityToken);
                redactor.Add(credential.RegistryToken);
                return credential;
            }
        }
        return Credential.Anonymous;
    }
}
