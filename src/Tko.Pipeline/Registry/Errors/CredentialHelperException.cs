namespace Tko;

/// <summary>A docker credential helper (<c>docker-credential-NAME</c>) is missing or failed.</summary>
public sealed class CredentialHelperException : TkoException
{
    /// <summary>The helper program's name.</summary>
    public string Helper { get; }

    /// <summary>Creates the exception.</summary>
    public CredentialHelperException(string helper, string registry, string problem)
        : base($"{registry}: credential helper {helper} {problem}") => Helper = helper;
}
