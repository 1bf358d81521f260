namespace Tko;

/// <summary>The registry (or its token server) did not accept the credentials tko found, or found none where some are needed.</summary>
public sealed class RegistryAuthenticationException : RegistryException
{
    /// <summary>Creates the exception.</summary>
    public RegistryAuthenticationException(string subject, string problem, RegistryFailure? failure = null)
        : base(subject, problem, failure) { }
}
