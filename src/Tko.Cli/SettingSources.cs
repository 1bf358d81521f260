using System.Collections.Immutable;
using System.CommandLine;
using Tko.Cli.ConfigFile;

namespace Tko.Cli;

/// <summary>
/// The four places a build setting can come from, asked in order: the command line, the
/// environment, <c>.tko.yml</c>, the default (left to the caller). Each answer says where it came
/// from, so an error names the flag, the variable or the file, line and key that gave the bad value.
/// </summary>
internal sealed class SettingSources(ParseResult parsed, Func<string, string?> environment, TkoConfig? config)
{
    /// <summary>An environment variable, or null when it is unset or empty.</summary>
    public string? Variable(string name) => environment(name) is { Length: > 0 } value ? value : null;

    /// <summary>A single-valued option.</summary>
    public Setting Text(Option<string?> option, string? fileValue, string fileKey, params string[] variables)
    {
        if (parsed.GetValue(option) is { } flag) return new(flag, option.Name, option.Name);
        foreach (string variable in variables)
            if (Variable(variable) is { } value) return new(value, variable, option.Name);
        if (fileValue is not null && config is not null) return new(fileValue, config.Where(fileKey), option.Name);
        return new(null, option.Name, option.Name);
    }

    /// <summary>The SOURCE argument.</summary>
    public Setting Argument(Argument<string?> argument, string? fileValue, string fileKey, string variable)
    {
        if (parsed.GetValue(argument) is { } given) return new(given, argument.Name, argument.Name);
        if (Variable(variable) is { } value) return new(value, variable, argument.Name);
        if (fileValue is not null && config is not null) return new(fileValue, config.Where(fileKey), argument.Name);
        return new(null, argument.Name, argument.Name);
    }

    /// <summary>A true/false option; null when no source sets it. These have no environment variable, as in the original.</summary>
    public bool? Flag(Option<bool> option, bool? fileValue) =>
        parsed.GetResult(option) is { Implicit: false } ? parsed.GetValue(option) : fileValue;

    /// <summary>A repeatable option; the variable, when there is one, is a comma list.</summary>
    public IReadOnlyList<string> List(Option<string[]> option, List<string>? fileValue, string? variable = null)
    {
        if (parsed.GetValue(option) is { Length: > 0 } flags) return flags;
        if (variable is not null && Variable(variable) is { } value)
            return value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return fileValue ?? [];
    }

    /// <summary>A repeatable <c>KEY=VALUE[,KEY=VALUE…]</c> option; in the file it is a map.</summary>
    public ImmutableList<KeyValuePair<string, string>> Pairs(Option<string[]> option, Dictionary<string, string>? fileValue, string variable)
    {
        if (parsed.GetValue(option) is { Length: > 0 } flags) return KeyValueList.Parse(flags, option.Name);
        if (Variable(variable) is { } value) return KeyValueList.Parse([value], variable);
        return fileValue is null ? [] : [.. fileValue.Select(p => new KeyValuePair<string, string>(p.Key, p.Value ?? ""))];
    }
}
