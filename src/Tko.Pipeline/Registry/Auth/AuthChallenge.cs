using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Text;

namespace Tko;

/// <summary>
/// One challenge of a <c>WWW-Authenticate</c> header: its scheme (<c>Basic</c>, <c>Bearer</c>) and
/// parameters (<c>realm</c>, <c>service</c>, <c>scope</c>, <c>error</c>), names compared without case.
/// </summary>
public sealed record AuthChallenge(string Scheme, ImmutableSortedDictionary<string, string> Parameters)
{
    /// <summary>True for the Basic scheme.</summary>
    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the Bearer (token) scheme.</summary>
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    /// <summary>The token endpoint (Bearer) or the realm's name (Basic).</summary>
    public string? Realm => Get("realm");

    /// <summary>The service to ask the token endpoint for.</summary>
    public string? Service => Get("service");

    /// <summary>The scopes the registry asks for, space separated.</summary>
    public string? Scope => Get("scope");

    /// <summary>Why access was refused, e.g. <c>insufficient_scope</c>.</summary>
    public string? Error => Get("error");

    /// <summary>The value of parameter <paramref name="name"/>, if present.</summary>
    public string? Get(string name) => Parameters.TryGetValue(name, out string? value) ? value : null;

    /// <summary>
    /// Every challenge in the values of one or more <c>WWW-Authenticate</c> headers (RFC 7235:
    /// comma-separated challenges, each a scheme and <c>name=value</c> or <c>name="quoted \" value"</c>
    /// parameters). Malformed parts are skipped.
    /// </summary>
    public static ImmutableList<AuthChallenge> ParseAll(IEnumerable<string> headerValues)
    {
        var challenges = ImmutableList.CreateBuilder<AuthChallenge>();
        foreach (string value in headerValues)
        {
            var reader = new Reader(value);
            while (reader.SkipSeparators())
            {
                string scheme = reader.Token();
                if (scheme.Length == 0)
                {
                    reader.SkipToNextComma();
                    continue;
                }
                var parameters = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
                while (true)
                {
                    int mark = reader.Position;
                    reader.SkipSeparators();
                    string name = reader.Token();
                    reader.SkipSpaces();
                    if (name.Length == 0 || !reader.Take('='))
                    {
                        reader.Position = mark;
                        break;
                    }
                    reader.SkipSpaces();
                    parameters[name] = reader.Peek() == '"' ? reader.Quoted() : reader.Token();
                    reader.SkipSpaces();
                    if (!reader.Take(',')) break;
                }
                challenges.Add(new AuthChallenge(scheme, parameters.ToImmutable()));
            }
        }
        return challenges.ToImmutable();
    }

    /// <summary>The first Bearer or Basic challenge of <paramref name="response"/>, Bearer preferred.</summary>
    internal static AuthChallenge? FromResponse(HttpResponseMessage response)
    {
        if (!response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out HeaderStringValues values)) return null;
        ImmutableList<AuthChallenge> all = ParseAll(values);
        return all.FirstOrDefault(c => c.IsBearer) ?? all.FirstOrDefault(c => c.IsBasic);
    }

    /// <summary>The challenge as a header value.</summary>
    public override string ToString() =>
        Parameters.Count == 0 ? Scheme : Scheme + " " + string.Join(",", Parameters.Select(p => $"{p.Key}=\"{p.Value.Replace("\\", "\\\\").Replace("\"", "\\\"")}\""));

    private sealed class Reader(string text)
    {
        public int Position { get; set; }

        public char Peek() => Position < text.Length ? text[Position] : '\0';

        public bool Take(char c)
        {
            if (Peek() != c) return false;
            Position++;
            return true;
        }

        public void SkipSpaces()
        {
            while (Peek() is ' ' or '\t') Position++;
        }

        /// <summary>Skips spaces and commas; false at the end of the text.</summary>
        public bool SkipSeparators()
        {
            while (Peek() is ' ' or '\t' or ',') Position++;
            return Position < text.Length;
        }

        public void SkipToNextComma()
        {
            while (Position < text.Length && text[Position] != ',') Position++;
        }

        public string Token()
        {
            int start = Position;
            while (Position < text.Length && IsTokenChar(text[Position])) Position++;
            return text[start..Position];
        }

        public string Quoted()
        {
            var value = new StringBuilder();
            Position++;
            while (Position < text.Length && text[Position] != '"')
            {
                if (text[Position] == '\\' && Position + 1 < text.Length) Position++;
                value.Append(text[Position++]);
            }
            Position++;
            return value.ToString();
        }

        private static bool IsTokenChar(char c) =>
            char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~/:".Contains(c);
    }
}
