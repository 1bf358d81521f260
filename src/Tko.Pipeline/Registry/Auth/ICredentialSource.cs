namespace Tko.Registry;

/// <summary>One place credentials may come from; null when it has none for the registry.</summary>
internal interface ICredentialSource
{
    Task<Credential?> FindAsync(string registry, CancellationToken cancellationToken);
}
