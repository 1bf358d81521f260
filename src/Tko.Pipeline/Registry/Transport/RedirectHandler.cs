using System.Net;

namespace Tko.Registry;

/// <summary>
/// Follows redirects of GET and HEAD (blob downloads are sent to storage this way). No header
/// <c>Authorization</c> is copied: the new request keeps the registry's access, and the
/// authentication handler's <see cref="OriginPolicy"/> decides from its URL whether it gets
/// credentials (the registry's own origin), none (any other) or is refused (https to plain http).
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    private const int MaxRedirects = 10;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        HttpRequestMessage current = request;
        for (int hop = 0; hop < MaxRedirects && IsRedirect(response, current); hop++)
        {
            Uri target = ResponseLocation.Resolve(response, current.RequestUri!)!;
            var next = new HttpRequestMessage(current.Method, target);
            foreach (var header in current.Headers)
                if (!header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                    next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (request.Options.TryGetValue(RequestAccess.Key, out RequestAccess? access))
                next.Options.Set(RequestAccess.Key, access);
            response.Dispose();
            if (!ReferenceEquals(current, request)) current.Dispose();
            current = next;
            response = await base.SendAsync(current, cancellationToken);
        }
        return response;
    }

    private static bool IsRedirect(HttpResponseMessage response, HttpRequestMessage request) =>
        response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect
        && response.Headers.NonValidated.Contains("Location")
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head);
}
