using System.Net;

namespace Tko.Registry;

/// <summary>
/// The HTTP stack every registry request goes through: one <see cref="SocketsHttpHandler"/>
/// (cookies kept, no automatic redirects or decompression, TLS verified by <see cref="CertificateTrust"/>,
/// the environment's proxy except for loopback) under, from the outside in,
/// <see cref="RedirectHandler"/> → <see cref="AuthenticationHandler"/> → <see cref="RetryHandler"/> → <see cref="LoggingHandler"/>
/// → <see cref="DeadlineHandler"/>.
/// </summary>
internal sealed class RegistryTransport : IDisposable
{
    private RegistryTransport(HttpClient client, RequestLog log, InsecureRegistries insecure, CertificateTrust trust, ChallengeBook challenges, RegistryOrigins origins, CredentialChain credentials)
        => (Client, Log, Insecure, Trust, Challenges, Origins, Credentials) = (client, log, insecure, trust, challenges, origins, credentials);

    public HttpClient Client { get; }

    public RequestLog Log { get; }

    public Redactor Redactor => Log.Redactor;

    public InsecureRegistries Insecure { get; }

    public CertificateTrust Trust { get; }

    public ChallengeBook Challenges { get; }

    public RegistryOrigins Origins { get; }

    public CredentialChain Credentials { get; }

    /// <summary>
    /// Builds the stack; <paramref name="network"/> replaces the sockets handler (tests of rules a real
    /// registry cannot show), and <paramref name="log"/> receives a line per request and retry.
    /// </summary>
    public static RegistryTransport Create(RegistryClientOptions options, HttpMessageHandler? network = null, TimeProvider? clock = null, IObserver<string>? log = null)
    {
        clock ??= TimeProvider.System;
        var redactor = new Redactor();
        foreach (RegistryLogin login in options.Logins) redactor.AddLogin(login.Username, login.Password);
        redactor.Add(options.GitHubToken);
        var requestLog = new RequestLog(log, redactor);
        var insecure = new InsecureRegistries(options.InsecureRegistries);
        var trust = new CertificateTrust(options.CaCertificateFiles, options.CaCertificateDirectories, insecure);
        var challenges = new ChallengeBook();
        var origins = new RegistryOrigins();

        var helpers = new CredentialHelper(options.CredentialHelperPath, redactor);
        var sources = new List<ICredentialSource> { new ExplicitLogins(options.Logins) };
        if (options.DockerConfigDirectory is { } dockerConfig) sources.Add(new DockerConfigCredentials(dockerConfig, helpers));
        sources.Add(new GitHubToken(options.GitHubToken));
        var credentials = new CredentialChain(sources, redactor);

        network ??= new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseProxy = true,
            Proxy = new LoopbackBypassingProxy(HttpClient.DefaultProxy),
            SslOptions = { RemoteCertificateValidationCallback = trust.Validate },
        };
        HttpMessageHandler stack = new RedirectHandler
        {
            InnerHandler = new AuthenticationHandler(credentials, challenges, origins, insecure, new TokenCache(clock), new TokenClient(requestLog, clock, insecure), redactor)
            {
                InnerHandler = new RetryHandler(options, requestLog)
                {
                    InnerHandler = new LoggingHandler(requestLog) { InnerHandler = new DeadlineHandler(options.ResponseTimeout, clock) { InnerHandler = network } },
                },
            },
        };
        var client = new HttpClient(stack, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("tko/1.0");
        return new RegistryTransport(client, requestLog, insecure, trust, challenges, origins, credentials);
    }

    public void Dispose() => Client.Dispose();
}
