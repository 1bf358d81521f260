using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// Merges lists of <c>KEY=VALUE</c> variables by key, the way a later <c>ENV</c> replaces an earlier
/// one: a key keeps its first position and takes its last value, so the result does not depend on
/// which layer of settings named it first.
/// </summary>
public static class EnvironmentMerge
{
    /// <summary><paramref name="over"/> applied over <paramref name="under"/>: replaced values stay in place, new keys follow in their order.</summary>
    public static ImmutableList<string> Over(IEnumerable<string> under, IEnumerable<string> over)
    {
        var merged = new List<string>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string variable in under.Concat(over))
        {
            string key = Key(variable);
            if (positions.TryGetValue(key, out int at))
            {
                merged[at] = variable;
            }
            else
            {
                positions[key] = merged.Count;
                merged.Add(variable);
            }
        }
        return [.. merged];
    }

    /// <summary>The variable's name: the text before the first <c>=</c> (all of it when there is none).</summary>
    public static string Key(string variable)
    {
        int equals = variable.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? variable : variable[..equals];
    }
}
