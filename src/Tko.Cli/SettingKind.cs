namespace Tko.Cli;

/// <summary>What kind of value a build setting takes, which fixes its parser option, how its variable is read and its shape in <c>.tko.yml</c>.</summary>
internal enum SettingKind
{
    /// <summary>One piece of text.</summary>
    Text,

    /// <summary>A whole number, read as text so that a bad one is named by where it came from.</summary>
    Number,

    /// <summary>true or false; no environment variable, as in the original tko.</summary>
    Switch,

    /// <summary>A repeatable flag; the variable is a comma list, the file a YAML list.</summary>
    List,

    /// <summary>A repeatable <c>KEY=VALUE[,KEY=VALUE…]</c> flag; the file a YAML map.</summary>
    Pairs,
}
