namespace Tko;

/// <summary>No manifest answers to the tag or digest asked for.</summary>
public sealed class ManifestNotFoundException : RegistryException
{
    /// <summary>Creates the exception.</summary>
    public ManifestNotFoundException(string subject, string problem, RegistryFailure? failure = null)
        : base(subject, problem, failure) { }
}
