namespace Tko;

/// <summary>The repository does not exist on the registry (<c>NAME_UNKNOWN</c>), and this registry does not create it on push.</summary>
public sealed class RepositoryNotFoundException : RegistryException
{
    /// <summary>Creates the exception.</summary>
    public RepositoryNotFoundException(string subject, string problem, RegistryFailure? failure = null)
        : base(subject, problem, failure) { }
}
