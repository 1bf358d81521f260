using System.Collections.Immutable;

namespace Tko.Registry;

/// <summary>The user and password given in the options (tko's <c>--registry-user</c>/<c>--registry-pass</c>), for their registry only.</summary>
internal sealed class ExplicitLogins(ImmutableList<RegistryLogin> logins) : ICredentialSource
{
    public Task<Credential?> FindAsync(string registry, CancellationToken cancellationToken)
    {
        RegistryLogin? login = logins.FirstOrDefault(l => RegistryNames.Same(l.Registry, registry));
        return Task.FromResult(login is null ? null : new Credential(login.Username, login.Password, null, null, "the given registry user and password"));
    }
}
