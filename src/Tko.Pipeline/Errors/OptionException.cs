namespace Tko;

/// <summary>
/// A build option has a value tko cannot use. The message names the option and the value: the library
/// names the property at fault (<c>LayerOptions.ChunkSize</c>, <c>BuildSpec.Platforms</c>); the CLI
/// names the flag, environment variable or <c>.tko.yml</c> line that gave the value.
/// </summary>
public sealed class OptionException : TkoException
{
    /// <summary>The option at fault: a property such as <c>LayerOptions.Workers</c> from the library, a flag, variable or file line from the CLI.</summary>
    public string Option { get; }

    /// <summary>What is wrong with the value, without the option's name.</summary>
    public string Problem { get; }

    /// <summary>Creates the exception for <paramref name="option"/>.</summary>
    public OptionException(string option, string problem) : base($"{option}: {problem}") => (Option, Problem) = (option, problem);
}
