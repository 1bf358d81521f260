namespace Tko.Registry;

/// <summary><c>GITHUB_TOKEN</c> as the password for <c>ghcr.io</c> (any user name is accepted there).</summary>
internal sealed class GitHubToken(string? token) : ICredentialSource
{
    public const string Registry = "ghcr.io";

    public Task<Credential?> FindAsync(string registry, CancellationToken cancellationToken) =>
        Task.FromResult(token is { Length: > 0 } && registry.Equals(Registry, StringComparison.OrdinalIgnoreCase)
            ? new Credential("tko", token, null, null, "GITHUB_TOKEN")
            : null);
}
