using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Tko.Registry;

/// <summary>
/// Adds credentials to requests that carry a <see cref="RequestAccess"/>, for the registry's own
/// origin only (<see cref="OriginPolicy"/>): a request to another origin goes without
/// <c>Authorization</c>, and plain http reached from an https registry is refused before it is sent.
/// Knowing the origin's challenge (from the ping or an earlier 401), it authorises
/// up front: Basic with the user and password, or Bearer with a token for the request's scopes
/// (cached per scope set). On a 401 it learns the new challenge and sends once more when that can
/// help (a first contact or a cached token); a second refusal becomes a clear error naming the
/// registry and where the credentials came from.
/// </summary>
internal sealed class AuthenticationHandler(
    CredentialChain credentials, ChallengeBook challenges, RegistryOrigins origins, InsecureRegistries insecure, TokenCache tokens, TokenClient tokenClient, Redactor redactor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(RequestAccess.Key, out RequestAccess? access))
            return await base.SendAsync(request, cancellationToken);

        Origin? home = origins.Get(access.Host);
        switch (OriginPolicy.Judge(home, request.RequestUri!, insecure))
        {
            case OriginVerdict.Downgrade:
                throw Downgrade(request, access, home!);
            case OriginVerdict.Foreign:
                return await SendWithoutCredentialsAsync(request, access, home, cancellationToken);
        }

        Origin origin = home!;
        Authorization? sent = null;
        if (challenges.Get(origin) is { } known)
        {
            sent = await AuthorizeAsync(known, access, origin, refresh: false, cancellationToken);
            request.Headers.Authorization = sent.Header;
        }

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || AuthChallenge.FromResponse(response) is not { } challenge)
            return response;
        challenges.Set(origin, challenge);

        bool worthAnotherTry = sent is null || !sent.Final || challenge.Scheme != sent.Scheme;
        if (worthAnotherTry && CanResend(request))
        {
            Authorization again = await AuthorizeAsync(challenge, access, origin, refresh: sent is not null, cancellationToken);
            if (again.Header is not null)
            {
                response.Dispose();
                request.Headers.Authorization = again.Header;
                sent = again;
                response = await base.SendAsync(request, cancellationToken);
                if (response.StatusCode != HttpStatusCode.Unauthorized) return response;
                challenge = AuthChallenge.FromResponse(response) ?? challenge;
            }
        }

        using (response)
        {
            Credential credential = await credentials.FindAsync(access.Registry, cancellationToken);
            var failure = new RegistryFailure(request.Method.Method, redactor.Url(request.RequestUri), 401, [], false);
            throw Refusal(access, challenge, credential, failure);
        }
    }

    /// <summary>
    /// A request to another origin (a Location or redirect elsewhere): sent bare. A 401 there cannot
    /// be answered, since the registry's credentials stay with the registry; it is said so.
    /// </summary>
    private async Task<HttpResponseMessage> SendWithoutCredentialsAsync(HttpRequestMessage request, RequestAccess access, Origin? home, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized || home is null) return response;
        using (response)
        {
            string url = redactor.Url(request.RequestUri);
            var failure = new RegistryFailure(request.Method.Method, url, 401, [], false);
            throw new RegistryAuthenticationException(access.Subject,
                $"{request.Method} {url} answered 401: the registry sent tko to {Origin.Of(request.RequestUri!)}, and its credentials go only to {home}; "
                + "fix the registry's external URL (behind a TLS proxy, send X-Forwarded-Proto)", failure);
        }
    }

    /// <summary>The error for plain http reached from an https registry: nothing was sent.</summary>
    private RegistryException Downgrade(HttpRequestMessage request, RequestAccess access, Origin home)
    {
        string host = request.RequestUri!.Authority;
        string url = redactor.Url(request.RequestUri);
        var failure = new RegistryFailure(request.Method.Method, url, null, [], false);
        return new RegistryException(access.Subject,
            $"the registry at {home} sent tko to plain http on {host} ({request.Method} {url}); refused, as it would expose the request and its credentials: "
            + $"fix the registry's external URL (behind a TLS proxy, send X-Forwarded-Proto), or name {host} with --insecure-registry", failure);
    }

    /// <summary>The error for a final 401: no credentials, credentials refused, or a token without the scope asked for.</summary>
    private static RegistryException Refusal(RequestAccess access, AuthChallenge challenge, Credential credential, RegistryFailure failure)
    {
        if (challenge.Error is "insufficient_scope")
            return new RegistryAccessDeniedException(access.Subject,
                $"{credential.Describe()} do not grant {Describe(access.Scopes)}; use credentials with that access to the repository", failure);
        if (credential.IsAnonymous)
            return NeedsCredentials(access, failure);
        return new RegistryAuthenticationException(access.Subject,
            $"the registry refused {credential.Describe()}; check them (docker login {access.Registry})", failure);
    }

    public static RegistryAuthenticationException NeedsCredentials(RequestAccess access, RegistryFailure failure) =>
        new(access.Subject, $"the registry requires credentials and none were found for {access.Registry}; run docker login {access.Registry} or give a registry user and password", failure);

    /// <summary><c>push access to app and pull access to base</c>, from token scopes.</summary>
    private static string Describe(IEnumerable<string> scopes) =>
        string.Join(" and ", scopes.Select(s => s.Split(':') is [_, .. var name, var actions]
            ? $"{actions.Replace(",", "+")} access to {string.Join(':', name)}"
            : s));

    private static bool CanResend(HttpRequestMessage request) =>
        request.Content is null or ByteArrayContent or ReadOnlyMemoryContent or ReplayableContent;

    private async Task<Authorization> AuthorizeAsync(AuthChallenge challenge, RequestAccess access, Origin origin, bool refresh, CancellationToken cancellationToken)
    {
        Credential credential = await credentials.FindAsync(access.Registry, cancellationToken);
        if (challenge.IsBasic)
        {
            return credential.HasPassword
                ? new Authorization(challenge.Scheme, new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password}"))), Final: true)
                : new Authorization(challenge.Scheme, null, Final: true);
        }
        if (!challenge.IsBearer)
            return new Authorization(challenge.Scheme, null, Final: true);
        if (credential.RegistryToken is { } registryToken)
            return new Authorization(challenge.Scheme, new AuthenticationHeaderValue("Bearer", registryToken), Final: true);

        SortedSet<string> scopes = new(access.Scopes, StringComparer.Ordinal);
        foreach (string scope in (challenge.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            scopes.Add(scope);
        string key = TokenCache.Key(origin, challenge, scopes);
        (BearerToken token, bool fresh) = await tokens.GetAsync(key, refresh,
            () => tokenClient.FetchAsync(challenge, scopes, credential, access, (r, ct) => base.SendAsync(r, ct), cancellationToken));
        return new Authorization(challenge.Scheme, new AuthenticationHeaderValue("Bearer", token.Value), Final: fresh);
    }

    /// <summary>The header sent, and whether sending again with a new one cannot help (a fresh token, or Basic).</summary>
    private sealed record Authorization(string Scheme, AuthenticationHeaderValue? Header, bool Final);
}
