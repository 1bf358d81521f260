using System.Collections.Immutable;
using System.CommandLine;

namespace Tko.Cli;

/// <summary>
/// The parser of <c>tko build</c>, made from <see cref="BuildOptionTable"/>: one option per row,
/// typed by its kind. Text and number options are nullable strings, so an absent flag falls back
/// to its variable, then to <c>.tko.yml</c>, then to its default, all resolved in <see cref="BuildSettings"/>.
/// </summary>
internal sealed class BuildCommandLine
{
    private readonly ImmutableDictionary<BuildOption, Option> _options;

    public Argument<string?> Source { get; } = new(BuildOptionTable.Source.Flag)
    {
        Description = BuildOptionTable.Source.Description,
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Command Command { get; }

    public BuildCommandLine()
    {
        _options = BuildOptionTable.Options.ToImmutableDictionary(row => row, Create);
        Command = new Command("build", "Build an image from a base and a directory of artifacts; prints NAME@sha256:… on stdout") { Source };
        foreach (BuildOption row in BuildOptionTable.Options) Command.Options.Add(_options[row]);
    }

    public Option<bool> Verbose => Switch(BuildOptionTable.Verbose);
    public Option<bool> Quiet => Switch(BuildOptionTable.Quiet);
    public Option<string?> Config => Text(BuildOptionTable.Config);

    /// <summary>The parser option of a text or number row.</summary>
    public Option<string?> Text(BuildOption row) => (Option<string?>)_options[row];

    /// <summary>The parser option of a switch row.</summary>
    public Option<bool> Switch(BuildOption row) => (Option<bool>)_options[row];

    /// <summary>The parser option of a list or pairs row.</summary>
    public Option<string[]> Repeatable(BuildOption row) => (Option<string[]>)_options[row];

    private static Option Create(BuildOption row)
    {
        string[] aliases = [.. row.Aliases];
        return row.Kind switch
        {
            SettingKind.Text or SettingKind.Number => new Option<string?>(row.Flag, aliases) { Description = row.Description },
            SettingKind.Switch => row.Default == "true"
                ? new Option<bool>(row.Flag, aliases) { Description = row.Description, DefaultValueFactory = _ => true }
                : new Option<bool>(row.Flag, aliases) { Description = row.Description },
            SettingKind.List or SettingKind.Pairs => new Option<string[]>(row.Flag, aliases) { Description = row.Description, AllowMultipleArgumentsPerToken = false },
            _ => throw new ArgumentOutOfRangeException(nameof(row), row.Kind, "no parser option for this kind"),
        };
    }
}
