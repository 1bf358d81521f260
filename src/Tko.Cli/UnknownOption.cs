using System.CommandLine;
using System.CommandLine.Parsing;

namespace Tko.Cli;

/// <summary>
/// An option-like word that matched no option. SOURCE is optional, so the parser would take
/// <c>--nosuch</c> as SOURCE and the build would fail over something else; a word starting with
/// '-' before any <c>--</c> is never SOURCE, so it is named as the mistake instead.
/// </summary>
internal static class UnknownOption
{
    /// <summary>The first such word in <paramref name="parsed"/>, or null.</summary>
    public static string? In(ParseResult parsed, Argument source)
    {
        IEnumerable<Token> beforeDoubleDash = parsed.Tokens.TakeWhile(token => token.Type != TokenType.DoubleDash);
        IEnumerable<string> positional = (parsed.GetResult(source)?.Tokens.Select(t => t.Value) ?? []).Concat(parsed.UnmatchedTokens);
        return positional.FirstOrDefault(word => LooksLikeOption(word) && beforeDoubleDash.Any(t => t.Value == word));
    }

    private static bool LooksLikeOption(string word) => word.Length > 1 && word[0] == '-';
}
