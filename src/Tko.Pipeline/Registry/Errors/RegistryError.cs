namespace Tko;

/// <summary>One entry of the <c>errors</c> array a registry answers with, e.g. <c>NAME_UNKNOWN</c>.</summary>
/// <param name="Code">The registry's error code.</param>
/// <param name="Message">The registry's message, on one line.</param>
public sealed record RegistryError(string Code, string Message)
{
    /// <summary><c>CODE: message</c>.</summary>
    public override string ToString() => Message.Length == 0 ? Code : $"{Code}: {Message}";
}
