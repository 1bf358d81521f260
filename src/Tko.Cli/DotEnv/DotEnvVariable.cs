namespace Tko.Cli.DotEnv;

/// <summary>One variable a <c>.env</c> file sets.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Value">Its value, quotes, escapes and references resolved.</param>
/// <param name="Line">The line of the statement that set it (the last one, when several did).</param>
internal sealed record DotEnvVariable(string Name, string Value, int Line);
