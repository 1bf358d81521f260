using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Tko.Cli.ConfigFile;
using Tko.Cli.DotEnv;

namespace Tko.Cli;

/// <summary>
/// The four places a build setting can come from, asked in order: the command line, the
/// environment, <c>.tko.yml</c>, the default (left to the caller). Which flag, variables and keys
/// to ask comes from the setting's row of <see cref="BuildOptionTable"/>. Each answer says where it
/// came from, so an error names the flag, the variable or the file, line and key that gave the bad value.
/// </summary>
internal sealed class SettingSources(ParseResult parsed, BuildCommandLine cli, EnvironmentVariables environment, TkoConfig? config)
{
    /// <summary>An environment variable, or null when it is unset or empty.</summary>
    public string? Variable(string name) => environment.Get(name) is { Length: > 0 } value ? value : null;

    /// <summary>A single-valued text or number setting.</summary>
    public Setting Text(BuildOption row)
    {
        string? flag = row == BuildOptionTable.Source ? parsed.GetValue(cli.Source) : parsed.GetValue(cli.Text(row));
        if (flag is not null) return new(flag, row.Flag, row.Flag);
        foreach (string variable in row.Variables)
            if (Variable(variable) is { } value) return new(value, environment.Describe(variable), row.Flag);
        if (FromFile(row) is ({ } key, { } fileValue))
            return new(fileValue is int number ? number.ToString(CultureInfo.InvariantCulture) : (string)fileValue, config!.Where(key), row.Flag);
        return new(null, row.Flag, row.Flag);
    }

    /// <summary>
    /// A true/false setting; null when no source sets it. The original's switches have no environment
    /// variable; a row that names one reads <c>true</c>/<c>false</c> (or <c>1</c>/<c>0</c>) from it.
    /// </summary>
    public bool? Switch(BuildOption row)
    {
        if (parsed.GetResult(cli.Switch(row)) is { Implicit: false }) return parsed.GetValue(cli.Switch(row));
        foreach (string variable in row.Variables)
            if (Variable(variable) is { } value)
                return value.ToLowerInvariant() switch
                {
                    "true" or "1" => true,
                    "false" or "0" => false,
                    _ => throw new OptionException(environment.Describe(variable), $"'{value}' is not true or false"),
                };
        return (bool?)FromFile(row).Value;
    }

    /// <summary>A repeatable setting; the variable, when there is one, is a comma list.</summary>
    public IReadOnlyList<string> List(BuildOption row)
    {
        if (parsed.GetValue(cli.Repeatable(row)) is { Length: > 0 } flags) return flags;
        foreach (string variable in row.Variables)
            if (Variable(variable) is { } value)
                return [.. CommaList.Split(value)];
        return FromFile(row).Value as List<string> ?? [];
    }

    /// <summary>Where a repeatable setting's values came from: the flag, the variable or the file line.</summary>
    public string ListSource(BuildOption row)
    {
        if (parsed.GetValue(cli.Repeatable(row)) is { Length: > 0 }) return row.Flag;
        foreach (string variable in row.Variables)
            if (Variable(variable) is not null) return environment.Describe(variable);
        return FromFile(row) is ({ } key, not null) ? config!.Where(key) : row.Flag;
    }

    /// <summary>A repeatable <c>KEY=VALUE[,KEY=VALUE…]</c> setting; in the file a map or the same text.</summary>
    public ImmutableList<KeyValuePair<string, string>> Pairs(BuildOption row)
    {
        if (parsed.GetValue(cli.Repeatable(row)) is { Length: > 0 } flags) return KeyValueList.Parse(flags, row.Flag);
        foreach (string variable in row.Variables)
            if (Variable(variable) is { } value) return KeyValueList.Parse([value], environment.Describe(variable));
        return FromFile(row) is ({ } key, MapOrText pairs) ? pairs.Pairs(config!.Where(key)) : [];
    }

    /// <summary>The first of the row's keys the file sets, and its value.</summary>
    private (string? Key, object? Value) FromFile(BuildOption row)
    {
        if (config is null) return (null, null);
        foreach (FileKey key in row.FileKeys)
            if (key.Read(config.Build) is { } value) return (key.Key, value);
        return (null, null);
    }
}
