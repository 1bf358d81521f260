namespace Tko;

/// <summary>The registry could not be reached or spoken to: refused or lost connection, unknown host, TLS failure, timeout.</summary>
public sealed class RegistryUnreachableException : RegistryException
{
    /// <summary>Creates the exception.</summary>
    public RegistryUnreachableException(string subject, string problem, RegistryFailure? failure, Exception inner)
        : base(subject, problem, failure, inner) { }
}
