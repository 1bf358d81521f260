using System.Text;

namespace Tko.Cli;

/// <summary>
/// The comma-separated values of list settings (<c>--env</c>, annotations, platforms, tags…):
/// items split on ',', trimmed, empty ones dropped; <c>\,</c> puts a comma inside an item, and
/// <c>\\</c> a backslash before one. Any other backslash is kept as written, so paths and
/// values that hold backslashes read as before.
/// </summary>
internal static class CommaList
{
    public static IEnumerable<string> Split(string text)
    {
        var item = new StringBuilder();
        for (int at = 0; at < text.Length; at++)
        {
            char c = text[at];
            if (c == '\\' && Escaped(text, at) is { } escaped)
            {
                item.Append(escaped);
                at++;
                continue;
            }
            if (c == ',')
            {
                if (Finished(item) is { } done) yield return done;
                continue;
            }
            item.Append(c);
        }
        if (Finished(item) is { } last) yield return last;
    }

    // "\," is a comma in the item and "\\," a backslash before a separator; a backslash before
    // anything else is an ordinary character.
    private static char? Escaped(string text, int backslash) =>
        backslash + 1 >= text.Length ? null
        : text[backslash + 1] == ',' ? ','
        : text[backslash + 1] == '\\' && backslash + 2 < text.Length && text[backslash + 2] == ',' ? '\\'
        : null;

    private static string? Finished(StringBuilder item)
    {
        string text = item.ToString().Trim();
        item.Clear();
        return text.Length > 0 ? text : null;
    }
}
