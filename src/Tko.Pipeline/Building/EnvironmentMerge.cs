using System.Collections.Immutable;

namespace Tko.Building;

/// <summary>
/// How a build's <c>KEY=VALUE</c> variables combine with the base image's: a key the base already
/// has is replaced where it stands (so PATH keeps its place and stays unless given), a new key is
/// appended in the order given, and a key given twice takes its last value.
/// </summary>
public static class EnvironmentMerge
{
    /// <summary>The base's variables with <paramref name="overrides"/> applied over them.</summary>
    public static ImmutableList<string> Apply(IEnumerable<string>? baseEnv, IEnumerable<string> overrides)
    {
        var merged = new List<string>(baseEnv ?? []);
        foreach (string variable in overrides)
        {
            string key = KeyOf(variable);
            int existing = merged.FindIndex(v => string.Equals(KeyOf(v), key, StringComparison.Ordinal));
            if (existing >= 0) merged[existing] = variable;
            else merged.Add(variable);
        }
        return [.. merged];
    }

    /// <summary>The name of a <c>KEY=VALUE</c> variable (all of it when there is no '=').</summary>
    public static string KeyOf(string variable)
    {
        int equals = variable.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? variable : variable[..equals];
    }
}
