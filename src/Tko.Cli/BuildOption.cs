using System.Collections.Immutable;
using Tko.Cli.ConfigFile;

namespace Tko.Cli;

/// <summary>
/// One row of <see cref="BuildOptionTable"/>: everything about one setting of <c>tko build</c>, from
/// which the parser's option, the environment reader, the <c>.tko.yml</c> key and README's row follow.
/// </summary>
/// <param name="Flag">The long flag (<c>--jobs</c>), or <c>SOURCE</c> for the argument.</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="Help">What <c>--help</c> says, without the variables and default (added from the fields).</param>
internal sealed record BuildOption(string Flag, SettingKind Kind, string Help)
{
    /// <summary>Other names of the flag (<c>-j</c>, <c>--destination-path</c>).</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>The environment variables read when the flag is absent, first set wins.</summary>
    public ImmutableArray<string> Variables { get; init; } = [];

    /// <summary>The default as <c>--help</c> and README show it; null when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>The keys of <c>build:</c> in <c>.tko.yml</c> (first given wins) and how each is read from the file; empty when the file cannot set it.</summary>
    public ImmutableArray<FileKey> FileKeys { get; init; } = [];

    /// <summary>The file may give this comma-separated text setting as a YAML list too (<c>platforms: [a, b]</c>).</summary>
    public bool FileTakesList { get; init; }

    /// <summary>
    /// The library property the value becomes (<c>LayerOptions.ChunkSize</c>), so an error the
    /// library raises about it can be told in terms of where the user gave the value.
    /// </summary>
    public string? Property { get; init; }

    /// <summary>
    /// The <c>--help</c> text: the help, then <c>[env: …]</c> and <c>[default: …]</c>, the default
    /// shown as README's table shows it (<c>off</c> for a switch, <c>(none)</c>), which a test checks.
    /// </summary>
    public string Description =>
        Help + (Variables.IsEmpty ? "" : $" [env: {string.Join(", ", Variables)}]") + $" [default: {Default ?? (Kind == SettingKind.Switch ? "off" : "(none)")}]";
}

/// <summary>A key of the <c>build:</c> section and how to read its typed value (no reflection, for Native AOT).</summary>
/// <param name="Key">The key, e.g. <c>dest-path</c>.</param>
/// <param name="Read">Its value in a read section, or null when the file does not set it.</param>
internal sealed record FileKey(string Key, Func<BuildSection, object?> Read);
