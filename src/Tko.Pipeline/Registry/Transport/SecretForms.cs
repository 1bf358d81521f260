using System.Net;
using System.Text;

namespace Tko.Registry;

/// <summary>
/// The forms in which a secret may come back in a server's answer: as is, URL-encoded (both
/// <c>%20</c> and <c>+</c> styles), and base64 (standard and URL-safe), with and without its
/// <c>=</c> padding; the redactor replaces longer forms first, so the padding goes too.
/// </summary>
internal static class SecretForms
{
    public static IEnumerable<string> Of(string secret)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret) };
        forms.UnionWith(Base64(secret));
        return forms;
    }

    public static IEnumerable<string> Base64(string text)
    {
        string padded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        string[] standard = [padded, padded.TrimEnd('=')];
        return new HashSet<string>(standard.Concat(standard.Select(s => s.Replace('+', '-').Replace('/', '_'))), StringComparer.Ordinal);
    }
}
