using System.Collections.Specialized;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;

namespace Tko.Testing.Registry;

/// <summary>
/// An in-process Docker token server on 127.0.0.1 (HttpListener; ASP.NET is not available). It speaks
/// both halves of the protocol a registry client meets:
/// <list type="bullet">
/// <item><c>GET /token?service=…&amp;scope=…</c> with optional Basic auth (none means the anonymous user "");
/// <c>offline_token=true</c> from a known user adds a refresh token.</item>
/// <item><c>POST /token</c>, a form with <c>grant_type=password</c> (username, password) or
/// <c>grant_type=refresh_token</c> (refresh_token), plus service, client_id and space-separated scope;
/// <c>access_type=offline</c> on a password grant adds a refresh token.</item>
/// </list>
/// A wrong password or unknown refresh token answers 401; a wrong or missing service, or a POST
/// without client_id, 400. Tokens live 300 s.
/// </summary>
public sealed class TokenServer : IAsyncDisposable
{
    private const int LifetimeSeconds = 300;

    private readonly LoopbackListener _listener;
    private readonly TokenAuthOptions _options;
    private readonly TokenSigner _signer;
    private readonly Lock _lock = new();
    private readonly List<string> _requestedScopes = [];
    private readonly Dictionary<string, string> _refreshTokens = [];
    private int _tokensIssued;
    private int _refreshTokenGrants;

    private TokenServer(TokenAuthOptions options, TokenSigner signer, string service)
    {
        _options = options;
        _signer = signer;
        Service = service;
        _listener = LoopbackListener.Start(async context =>
        {
            await AnswerAsync(context);
            return context.Response.StatusCode;
        });
        Realm = new Uri(_listener.BaseUri, "token");
    }

    /// <summary>The URL the registry's Bearer challenge names.</summary>
    public Uri Realm { get; }

    /// <summary>The registry's service name: tokens must be requested for it, and carry it as their audience.</summary>
    public string Service { get; }

    /// <summary>The issuer the registry trusts (<c>auth.token.issuer</c>).</summary>
    public string Issuer => _signer.Issuer;

    /// <summary>Access tokens handed out, by GET or POST.</summary>
    public int TokensIssued { get { lock (_lock) return _tokensIssued; } }

    /// <summary>Every scope received, in order; a POST's space-separated scope counts as its parts.</summary>
    public IReadOnlyList<string> RequestedScopes { get { lock (_lock) return [.. _requestedScopes]; } }

    /// <summary>POSTs with <c>grant_type=refresh_token</c>, whether or not the refresh token was valid.</summary>
    public int RefreshTokenGrants { get { lock (_lock) return _refreshTokenGrants; } }

    /// <summary>The signing certificate's PEM, for the registry's <c>rootcertbundle</c>.</summary>
    internal string SigningCertificatePem => _signer.CertificatePem;

    internal static TokenServer Start(TokenAuthOptions options, string service, string issuer) =>
        new(options, new TokenSigner(issuer), service);

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        _signer.Dispose();
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            (int status, object body) = context.Request.Url?.AbsolutePath != "/token" ? (404, Error("not_found"))
                : context.Request.HttpMethod switch
                {
                    "GET" => Get(context.Request),
                    "POST" => Post(context.Request),
                    _ => (405, Error("method_not_allowed")),
                };
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (status == 401) context.Response.AddHeader("WWW-Authenticate", "Basic realm=\"tko-test-token-server\"");
            context.Response.ContentLength64 = json.Length;
            await context.Response.OutputStream.WriteAsync(json);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client hung up or the server is stopping; nothing to answer.
        }
    }

    private (int, object) Get(HttpListenerRequest request)
    {
        NameValueCollection query = HttpUtility.ParseQueryString(request.Url?.Query ?? "");
        if (query["service"] != Service) return (400, Error("invalid_request", $"service must be '{Service}'"));
        string[] scopes = query.GetValues("scope") ?? [];
        RecordScopes(scopes);

        string user = "";
        string? authorization = request.Headers["Authorization"];
        if (authorization is not null)
        {
            if (Authenticate(authorization) is not { } authenticated) return (401, Error("unauthorized", "wrong user name or password"));
            user = authenticated;
        }
        string token = Issue(user, scopes);
        var body = new Dictionary<string, object>
        {
            ["token"] = token,
            ["access_token"] = token,
            ["expires_in"] = LifetimeSeconds,
            ["issued_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        };
        if (query["offline_token"] == "true" && user.Length > 0) body["refresh_token"] = NewRefreshToken(user);
        return (200, body);
    }

    private (int, object) Post(HttpListenerRequest request)
    {
        string form;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8)) form = reader.ReadToEnd();
        NameValueCollection fields = HttpUtility.ParseQueryString(form);
        string grantType = fields["grant_type"] ?? "";
        if (grantType == "refresh_token")
            lock (_lock) _refreshTokenGrants++;
        if (fields["service"] != Service) return (400, Error("invalid_request", $"service must be '{Service}'"));
        if (string.IsNullOrEmpty(fields["client_id"])) return (400, Error("invalid_request", "client_id is required"));
        string[] scopes = (fields["scope"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        RecordScopes(scopes);

        string user;
        string? refreshToken = null;
        switch (grantType)
        {
            case "password":
                string name = fields["username"] ?? "";
                if (!(_options.Users.TryGetValue(name, out string? password) && password == fields["password"]))
                    return (401, Error("invalid_grant", "wrong user name or password"));
                user = name;
                if (fields["access_type"] == "offline") refreshToken = NewRefreshToken(user);
                break;
            case "refresh_token":
                string? known;
                lock (_lock) _refreshTokens.TryGetValue(fields["refresh_token"] ?? "", out known);
                if (known is null) return (401, Error("invalid_grant", "unknown refresh token"));
                user = known;
                refreshToken = fields["refresh_token"];
                break;
            default:
                return (400, Error("unsupported_grant_type", grantType));
        }
        var body = new Dictionary<string, object>
        {
            ["access_token"] = Issue(user, scopes),
            ["scope"] = string.Join(' ', scopes),
            ["expires_in"] = LifetimeSeconds,
            ["issued_at"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        };
        if (refreshToken is not null) body["refresh_token"] = refreshToken;
        return (200, body);
    }

    private string? Authenticate(string authorization)
    {
        const string prefix = "Basic ";
        if (!authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[prefix.Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
        int colon = decoded.IndexOf(':');
        if (colon < 0) return null;
        string user = decoded[..colon];
        return _options.Users.TryGetValue(user, out string? password) && password == decoded[(colon + 1)..] ? user : null;
    }

    private string Issue(string user, IEnumerable<string> scopes)
    {
        var access = new List<GrantedAccess>();
        foreach (string text in scopes)
        {
            // Only repository scopes mean anything to Grant; others (registry:catalog:*) get nothing.
            if (TokenScope.TryParse(text) is not { Type: "repository" } scope) continue;
            IReadOnlyList<string> granted = _options.Grant(user, scope.Name, scope.Actions);
            if (granted.Count > 0) access.Add(new GrantedAccess(scope.Type, scope.Name, [.. granted.Distinct()]));
        }
        string token = _signer.Sign(user, Service, access, TimeSpan.FromSeconds(LifetimeSeconds));
        lock (_lock) _tokensIssued++;
        return token;
    }

    private string NewRefreshToken(string user)
    {
        string token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        lock (_lock) _refreshTokens[token] = user;
        return token;
    }

    private void RecordScopes(IEnumerable<string> scopes)
    {
        lock (_lock) _requestedScopes.AddRange(scopes);
    }

    private static Dictionary<string, object> Error(string code, string? description = null) =>
        description is null ? new() { ["error"] = code } : new() { ["error"] = code, ["error_description"] = description };
}
