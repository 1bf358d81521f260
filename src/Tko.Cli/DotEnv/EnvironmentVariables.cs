using System.Collections.Immutable;

namespace Tko.Cli.DotEnv;

/// <summary>
/// The variables tko's settings read: the process environment, with the <c>TKO_*</c> variables of
/// <c>.env.local</c> and <c>.env</c> under it (see <see cref="DotEnvFiles"/>), each able to say where its value came from.
/// </summary>
/// <param name="Process">The process environment (a variable set, even empty, wins over the files).</param>
/// <param name="Files">The files read, the first one's values winning, each with the name it is shown by.</param>
internal sealed record EnvironmentVariables(Func<string, string?> Process, ImmutableArray<(string File, ImmutableDictionary<string, DotEnvVariable> Variables)> Files)
{
    /// <summary>Only the process environment.</summary>
    public static EnvironmentVariables Of(Func<string, string?> process) => new(process, []);

    /// <summary>The value of <paramref name="name"/>, or null when nothing sets it.</summary>
    public string? Get(string name) => Process(name) ?? FromFile(name)?.Variable.Value;

    /// <summary>
    /// <paramref name="name"/> as a message names it: the bare name when the process environment (or
    /// nothing) sets it, <c>TKO_JOBS (.env:3)</c> when a file does.
    /// </summary>
    public string Describe(string name) =>
        Process(name) is null && FromFile(name) is ({ } file, { } variable) ? $"{name} ({file}:{variable.Line})" : name;

    private (string File, DotEnvVariable Variable)? FromFile(string name)
    {
        if (!name.StartsWith(DotEnvFiles.TkoPrefix, StringComparison.Ordinal)) return null;
        foreach ((string file, ImmutableDictionary<string, DotEnvVariable> variables) in Files)
            if (variables.TryGetValue(name, out DotEnvVariable? variable)) return (file, variable);
        return null;
    }
}
