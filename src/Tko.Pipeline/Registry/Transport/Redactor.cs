using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Tko.Registry;

/// <summary>
/// Removes secrets from text before it is logged or put in an exception: every password and token
/// this client has handled in the forms a server may echo them (as is, URL-encoded, base64, and the
/// base64 of <c>user:password</c> that Basic auth sends), <c>Authorization</c> values, and the values
/// of URL query parameters other than the registry API's own harmless ones (upload <c>_state</c>,
/// signed storage URLs).
/// </summary>
internal sealed partial class Redactor
{
    private const string Mask = "***";
    private static readonly HashSet<string> PublicQueryParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "digest", "mount", "from", "n", "last", "service", "scope",
    };

    private readonly ConcurrentDictionary<string, bool> _secrets = new(StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="secret"/> (a password, identity or bearer token) so that it, URL-encoded or in base64, never appears in a redacted text.</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 4) return;
        foreach (string form in SecretForms.Of(secret)) _secrets.TryAdd(form, true);
    }

    /// <summary>Remembers a password and the base64 of <c>user:password</c> that Basic auth sends.</summary>
    public void AddLogin(string? user, string? password)
    {
        Add(password);
        if (user is null || string.IsNullOrEmpty(password)) return;
        foreach (string form in SecretForms.Base64($"{user}:{password}")) _secrets.TryAdd(form, true);
    }

    /// <summary>The URL without user info and with secret query values masked.</summary>
    public string Url(Uri? uri)
    {
        if (uri is null) return "";
        if (!uri.IsAbsoluteUri) return Text(uri.OriginalString);
        var text = new StringBuilder();
        text.Append(uri.Scheme).Append("://").Append(uri.Authority).Append(uri.AbsolutePath);
        string query = uri.Query.TrimStart('?');
        if (query.Length > 0)
        {
            text.Append('?');
            string[] pairs = query.Split('&');
            for (int i = 0; i < pairs.Length; i++)
            {
                if (i > 0) text.Append('&');
                int equals = pairs[i].IndexOf('=');
                string name = equals < 0 ? pairs[i] : pairs[i][..equals];
                text.Append(equals < 0 || PublicQueryParameters.Contains(name) ? pairs[i] : name + "=" + Mask);
            }
        }
        return Text(text.ToString());
    }

    /// <summary><paramref name="text"/> with known secrets, credentials after an auth scheme and secret query values masked, on one line.</summary>
    public string Text(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        string result = AuthorizationValue().Replace(text, m => m.Groups[1].Value + " " + Mask);
        result = SecretQueryValue().Replace(result, m => PublicQueryParameters.Contains(m.Groups[2].Value) ? m.Value : m.Groups[1].Value + m.Groups[2].Value + "=" + Mask);
        // Longest first: a secret inside a longer form (its URL-encoding) must not break that form up.
        foreach (string secret in _secrets.Keys.OrderByDescending(s => s.Length))
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        return OneLine(result);
    }

    /// <summary>Line breaks and tabs become spaces, so a message stays one line.</summary>
    public static string OneLine(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n', '\t') < 0 ? text : LineBreaks().Replace(text, " ").Trim();

    [GeneratedRegex(@"\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationValue();

    [GeneratedRegex(@"([?&])([A-Za-z0-9_.-]+)=[^&#\s""']*", RegexOptions.CultureInvariant)]
    private static partial Regex SecretQueryValue();

    [GeneratedRegex(@"\s*[\r\n\t]+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreaks();
}
