namespace Tko;

/// <summary>The credentials are valid but do not allow what was asked (a push, a pull, a mount).</summary>
public sealed class RegistryAccessDeniedException : RegistryException
{
    /// <summary>Creates the exception.</summary>
    public RegistryAccessDeniedException(string subject, string problem, RegistryFailure? failure = null)
        : base(subject, problem, failure) { }
}
