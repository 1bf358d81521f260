using System.Net.Http.Headers;
namespace Tko.Registry;

/// <summary>
/// A response's <c>Location</c> resolved against the request's URL. Read as text: parsed as a
/// <see cref="Uri"/> on its own, a relative <c>/v2/…</c> would pass for an absolute file path on Unix.
/// </summary>
internal static class ResponseLocation
{
    public static Uri? Resolve(HttpResponseMessage response, Uri requested)
    {
        if (!response.Headers.NonValidated.TryGetValues("Location", out HeaderStringValues values)) return null;
        string text = values.ToString().Trim();
        return text.Length == 0 ? null : new Uri(requested, text);
    }
}
