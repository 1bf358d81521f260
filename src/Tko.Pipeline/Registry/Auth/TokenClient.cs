using System.Globalization;
using System.Net.Http.Headers;
using System.Net;
using System.Text.Json;
using System.Text;

namespace Tko.Registry;

/// <summary>
/// Asks a Bearer challenge's realm for a token: an OAuth2 POST with <c>grant_type=refresh_token</c>
/// when an identity token is configured, else a GET with the scopes, with Basic credentials when
/// there are some (anonymous otherwise). Tokens are registered with the redactor.
/// </summary>
internal sealed class TokenClient(RequestLog log, TimeProvider clock)
{
    private static readonly TimeSpan MinimumLifetime = TimeSpan.FromSeconds(60);

    public delegate Task<HttpResponseMessage> Sender(HttpRequestMessage request, CancellationToken cancellationToken);

    public async Task<BearerToken> FetchAsync(
        AuthChallenge challenge, IReadOnlyCollection<string> scopes, Credential credential, RequestAccess access, Sender send, CancellationToken cancellationToken)
    {
        string realmText = challenge.Realm ?? "";
        if (!Uri.TryCreate(realmText, UriKind.Absolute, out Uri? realm) || realm.Scheme is not ("https" or "http"))
            throw new RegistryException(access.Subject, $"the registry's token challenge has no usable realm ('{log.Redactor.Text(realmText)}'); the registry is misconfigured");

        using HttpRequestMessage request = credential.IdentityToken is { } refreshToken
            ? RefreshTokenGrant(realm, challenge.Service, scopes, refreshToken)
            : TokenGet(realm, challenge.Service, scopes, credential);
        using HttpResponseMessage response = await send(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var failure = new RegistryFailure(request.Method.Method, log.Redactor.Url(request.RequestUri), (int)response.StatusCode, [], false);
            throw credential.IsAnonymous
                ? AuthenticationHandler.NeedsCredentials(access, failure)
                : new RegistryAuthenticationException(access.Subject,
                    $"the token server {realm.Authority} refused {credential.Describe()}; check them (docker login {access.Registry})", failure);
        }
        if (!response.IsSuccessStatusCode)
            throw await ResponseErrors.ExceptionAsync(response, access.Subject, "could not get a token", log.Redactor, cancellationToken);

        TokenResponse? answer;
        try
        {
            answer = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(cancellationToken), RegistryJsonContext.Default.TokenResponse);
        }
        catch (JsonException)
        {
            answer = null;
        }
        string token = answer?.Token is { Length: > 0 } t ? t : answer?.AccessToken is { Length: > 0 } a ? a
            : throw new RegistryException(access.Subject, $"the token server {realm.Authority} answered without a token");
        log.Redactor.Add(token);
        log.Redactor.Add(answer!.RefreshToken);

        TimeSpan lifetime = TimeSpan.FromSeconds(answer.ExpiresIn ?? 0);
        if (lifetime < MinimumLifetime) lifetime = MinimumLifetime;
        DateTimeOffset issued = DateTimeOffset.TryParse(answer.IssuedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset at) && at <= clock.GetUtcNow()
            ? at
            : clock.GetUtcNow();
        // Stop using a token a little before it expires, so it does not expire in flight.
        return new BearerToken(token, issued + lifetime * 0.9);
    }

    private static HttpRequestMessage TokenGet(Uri realm, string? service, IEnumerable<string> scopes, Credential credential)
    {
        var query = new StringBuilder(realm.Query.TrimStart('?'));
        void Add(string name, string value) =>
            query.Append(query.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        if (service is not null) Add("service", service);
        foreach (string scope in scopes) Add("scope", scope);
        if (credential.HasPassword) Add("account", credential.Username!);
        var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(realm) { Query = query.ToString() }.Uri);
        if (credential.HasPassword)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}")));
        return request;
    }

    private static HttpRequestMessage RefreshTokenGrant(Uri realm, string? service, IEnumerable<string> scopes, string refreshToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "refresh_token"),
            new("refresh_token", refreshToken),
            new("client_id", "tko"),
            new("scope", string.Join(' ', scopes)),
        };
        if (service is not null) form.Add(new("service", service));
        return new HttpRequestMessage(HttpMethod.Post, realm) { Content = new FormUrlEncodedContent(form) };
    }
}
