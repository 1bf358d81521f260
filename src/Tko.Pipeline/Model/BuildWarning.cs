namespace Tko;

/// <summary>
/// Something about a finished build that is likely wrong but did not stop it (with
/// <see cref="BuildSpec.Strict"/> it would have, as an <see cref="OptionException"/> with the same option and problem).
/// </summary>
/// <param name="Option">The property at fault, as <see cref="OptionException.Option"/> names it (<c>BuildSpec.Entrypoint</c>).</param>
/// <param name="Problem">What is wrong, without the property's name.</param>
public sealed record BuildWarning(string Option, string Problem)
{
    /// <summary>The warning as one line, <c>OPTION: PROBLEM</c>.</summary>
    public string Message => $"{Option}: {Problem}";
}
