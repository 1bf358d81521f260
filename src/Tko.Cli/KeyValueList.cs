using System.Collections.Immutable;

namespace Tko.Cli;

/// <summary>
/// The <c>KEY=VALUE,KEY=VALUE</c> lists of <c>--env</c> and the annotation options, read as the
/// original tko reads them: items split on ',' (\, for a comma in a value, see <see cref="CommaList"/>), each split on its first '='; a later key replaces
/// an earlier one but keeps its place.
/// </summary>
internal static class KeyValueList
{
    /// <summary>Parses every item of <paramref name="texts"/> (each may hold several items); <paramref name="source"/> names the option in an error.</summary>
    public static ImmutableList<KeyValuePair<string, string>> Parse(IEnumerable<string> texts, string source)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string text in texts)
            foreach (string item in CommaList.Split(text))
            {
                int equals = item.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                    throw new OptionException(source, $"'{item}' is not KEY=VALUE; write each item as KEY=VALUE, items separated by ','");
                Put(pairs, item[..equals], item[(equals + 1)..]);
            }
        return [.. pairs];
    }

    /// <summary>The pairs of <paramref name="first"/> with those of <paramref name="second"/> put over them.</summary>
    public static ImmutableList<KeyValuePair<string, string>> Over(IEnumerable<KeyValuePair<string, string>> first, IEnumerable<KeyValuePair<string, string>> second)
    {
        var pairs = new List<KeyValuePair<string, string>>(first);
        foreach ((string key, string value) in second) Put(pairs, key, value);
        return [.. pairs];
    }

    private static void Put(List<KeyValuePair<string, string>> pairs, string key, string value)
    {
        int existing = pairs.FindIndex(p => string.Equals(p.Key, key, StringComparison.Ordinal));
        if (existing >= 0) pairs[existing] = new(key, value);
        else pairs.Add(new(key, value));
    }
}
