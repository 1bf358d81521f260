namespace Tko;

/// <summary>
/// A failure the user can act on. Its message is one line that names the input at fault and, where
/// it helps, what to do; the CLI prints it after <c>tko:</c> without a stack trace.
/// </summary>
public class TkoException : Exception
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public TkoException(string message) : base(message) { }

    /// <summary>Creates the exception with its one-line message and the lower-level cause.</summary>
    public TkoException(string message, Exception inner) : base(message, inner) { }
}
