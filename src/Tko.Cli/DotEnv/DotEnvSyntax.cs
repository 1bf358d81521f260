using System.Collections.Immutable;
using System.Text;

namespace Tko.Cli.DotEnv;

/// <summary>
/// Reads the text of a <c>.env</c> file the way godotenv 1.5 (which the Go tko uses) reads it:
/// <c>NAME=VALUE</c> or <c>NAME: VALUE</c> statements, an optional <c>export </c> before the name,
/// <c>#</c> comment lines and comments after whitespace in an unquoted value, values in single quotes
/// taken as written, values in double quotes with <c>\n</c>, <c>\r</c> and <c>\X</c> escapes and
/// spanning lines, and <c>$NAME</c>/<c>${NAME}</c> in unquoted and double-quoted values replaced by
/// a name set earlier in the same file. Where godotenv would silently take a broken line, this
/// refuses it: a line without <c>=</c>, a name with other characters than letters, digits, '.' and
/// '_', a missing closing quote, text after the closing quote.
/// </summary>
internal static class DotEnvSyntax
{
    private const string ExportPrefix = "export";

    /// <summary>The variables of <paramref name="text"/> in file order, a later statement of a name replacing the earlier one in place.</summary>
    /// <param name="file">The file as the user would name it, for errors (<c>.env:3: …</c>).</param>
    /// <param name="text">The file's text.</param>
    /// <exception cref="OptionException">A statement is malformed; the option is <c>FILE:LINE</c>.</exception>
    public static ImmutableList<DotEnvVariable> Parse(string file, string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var values = new List<DotEnvVariable>();
        int at = 0, line = 1, counted = 0;
        while (true)
        {
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            if (at >= text.Length) break;
            if (text[at] == '#')
            {
                at = LineEnd(text, at);
                continue;
            }
            int statement = at;
            string name = Name(file, text, ref at);
            string value = Value(file, text, statement, values, ref at);
            // Lines are counted up to each statement once, not from the start for each.
            line += text.AsSpan(counted, statement - counted).Count('\n');
            counted = statement;
            var variable = new DotEnvVariable(name, value, line);
            int existing = values.FindIndex(v => v.Name == name);
            if (existing >= 0) values[existing] = variable;
            else values.Add(variable);
        }
        return [.. values];
    }

    /// <summary>The name of the statement at <paramref name="at"/>, leaving <paramref name="at"/> after its '=' or ':' and the blanks behind it.</summary>
    private static string Name(string file, string text, ref int at)
    {
        if (string.CompareOrdinal(text, at, ExportPrefix, 0, ExportPrefix.Length) == 0
            && at + ExportPrefix.Length < text.Length && IsBlank(text[at + ExportPrefix.Length]))
        {
            at += ExportPrefix.Length;
            SkipBlanks(text, ref at);
        }
        int start = at;
        while (at < text.Length && IsNameCharacter(text[at])) at++;
        string name = text[start..at];
        SkipBlanks(text, ref at);
        if (at >= text.Length || text[at] == '\n' || IsNameCharacter(text[at]))
            throw Error(file, text, start, $"'{text[start..LineEnd(text, start)].Trim()}' has no '=' after a variable name; write NAME=VALUE");
        if (text[at] is not ('=' or ':'))
            throw Error(file, text, at, $"'{text[at]}' cannot be part of a variable name (letters, digits, '.' and '_'); write NAME=VALUE");
        if (name.Length == 0)
            throw Error(file, text, at, "no variable name before '='; write NAME=VALUE");
        at++;
        SkipBlanks(text, ref at);
        return name;
    }

    /// <summary>The value at <paramref name="at"/>, leaving <paramref name="at"/> at the end of its line.</summary>
    private static string Value(string file, string text, int statement, List<DotEnvVariable> earlier, ref int at)
    {
        if (at < text.Length && text[at] is '"' or '\'')
        {
            char quote = text[at];
            int close = at + 1;
            // As godotenv: the first quote not right after a backslash closes the value.
            while (close < text.Length && (text[close] != quote || text[close - 1] == '\\')) close++;
            if (close >= text.Length)
                throw Error(file, text, statement, $"the value has no closing {quote}");
            string inside = text[(at + 1)..close];
            at = close + 1;
            SkipBlanks(text, ref at);
            if (at < text.Length && text[at] is not ('\n' or '\r' or '#'))
                throw Error(file, text, at, $"text after the closing {quote}; put the whole value inside the quotes or a # before a comment");
            return quote == '"' ? Substituted(Unescaped(inside), earlier) : inside;
        }

        int end = at;
        while (end < text.Length && text[end] is not ('\n' or '\r')) end++;
        string line = text[at..end];
        at = end;
        // As godotenv: the last '#' after a blank starts the comment.
        for (int hash = line.Length - 1; hash > 0; hash--)
            if (line[hash] == '#' && IsBlank(line[hash - 1]))
            {
                line = line[..hash];
                break;
            }
        return Substituted(line.Trim(' ', '\t', '\v', '\f', '\r', '\u0085', '\u00A0'), earlier);
    }

    /// <summary>Double-quote escapes: <c>\n</c> and <c>\r</c> are the line breaks, <c>\$</c> stays for <see cref="Substituted"/>, <c>\X</c> is X.</summary>
    private static string Unescaped(string inside)
    {
        var value = new StringBuilder(inside.Length);
        for (int at = 0; at < inside.Length; at++)
        {
            if (inside[at] != '\\' || at + 1 >= inside.Length)
            {
                value.Append(inside[at]);
                continue;
            }
            char next = inside[++at];
            value.Append(next switch
            {
                'n' => "\n",
                'r' => "\r",
                '$' => "\\$",
                _ => next.ToString(),
            });
        }
        return value.ToString();
    }

    /// <summary>
    /// <c>$NAME</c>, <c>${NAME}</c> (NAME of A–Z, 0–9 and '_') replaced by the value the file gave NAME
    /// before, or nothing; <c>\$</c> is a plain '$'; a '$' before anything else stays.
    /// </summary>
    private static string Substituted(string value, List<DotEnvVariable> earlier)
    {
        if (!value.Contains('$', StringComparison.Ordinal)) return value;
        var result = new StringBuilder(value.Length);
        for (int at = 0; at < value.Length; at++)
        {
            if (value[at] == '\\' && at + 1 < value.Length && value[at + 1] == '$')
            {
                result.Append('$');
                at++;
                continue;
            }
            if (value[at] != '$')
            {
                result.Append(value[at]);
                continue;
            }
            // godotenv's reference: '$', an optional '(' and '{', the name, an optional '}'.
            int end = at + 1;
            if (end < value.Length && value[end] == '(') end++;
            if (end < value.Length && value[end] == '{') end++;
            int nameStart = end;
            while (end < value.Length && value[end] is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_') end++;
            string name = value[nameStart..end];
            if (end < value.Length && value[end] == '}') end++;
            result.Append(name.Length == 0 ? value[at..end] : earlier.Find(v => v.Name == name)?.Value ?? "");
            at = end - 1;
        }
        return result.ToString();
    }

    private static bool IsNameCharacter(char c) => char.IsLetter(c) || char.IsNumber(c) || c is '.' or '_';

    /// <summary>Whitespace within a line, as godotenv counts it.</summary>
    private static bool IsBlank(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r' or '\u0085' or '\u00A0';

    private static void SkipBlanks(string text, ref int at)
    {
        while (at < text.Length && IsBlank(text[at])) at++;
    }

    private static int LineEnd(string text, int at)
    {
        int newline = text.IndexOf('\n', at);
        return newline < 0 ? text.Length : newline;
    }

    private static OptionException Error(string file, string text, int at, string problem) =>
        new($"{file}:{1 + text.AsSpan(0, Math.Min(at, text.Length)).Count('\n')}", problem);
}
