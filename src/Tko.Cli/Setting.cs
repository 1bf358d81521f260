namespace Tko.Cli;

/// <summary>A resolved value, where it came from (the flag, variable or file line a message should name) and the flag it belongs to.</summary>
internal readonly record struct Setting(string? Value, string Source, string Flag);
