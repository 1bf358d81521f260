namespace Tko;

/// <summary>A build option has a value tko cannot use. The message names the option and the value.</summary>
public sealed class OptionException : TkoException
{
    /// <summary>The option at fault, as the CLI spells it (for example <c>--jobs</c>).</summary>
    public string Option { get; }

    /// <summary>What is wrong with the value, without the option's name.</summary>
    public string Problem { get; }

    /// <summary>Creates the exception for <paramref name="option"/>.</summary>
    public OptionException(string option, string problem) : base($"{option}: {problem}") => (Option, Problem) = (option, problem);
}
