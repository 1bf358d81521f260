using System.Diagnostics;
using System.Net;

namespace Tko.Testing.Registry;

/// <summary>
/// A real CNCF distribution registry (Debian's docker-registry, 2.8) on a free 127.0.0.1 port with
/// storage of its own, optionally behind TLS from a test CA, htpasswd Basic auth or a
/// <see cref="Registry.TokenServer"/>. Client tests push to it and read its access log.
/// </summary>
public sealed class RegistryServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly TempDirectory _root;
    private readonly Process _process;
    private readonly RegistryLog _log;
    private readonly TestCertificateAuthority? _ca;

    private RegistryServer(TempDirectory root, Process process, RegistryLog log, int port, TestCertificateAuthority? ca, TokenServer? token, string storage)
    {
        (_root, _process, _log, _ca, TokenServer, StorageDirectory) = (root, process, log, ca, token, storage);
        Host = $"127.0.0.1:{port}";
        BaseUri = new Uri($"{(ca is null ? "http" : "https")}://{Host}");
    }

    /// <summary><c>127.0.0.1:PORT</c>, as image references name the registry.</summary>
    public string Host { get; }

    public Uri BaseUri { get; }

    /// <summary>PEM of the test CA that signed the server certificate; null without TLS.</summary>
    public string? CaCertificatePath => _ca?.CaPath;

    /// <summary>A directory holding only ca.crt, for skopeo's --cert-dir and friends; null without TLS.</summary>
    public string? CertificateDirectory => _ca?.CertificateDirectory;

    public string StorageDirectory { get; }

    public TokenServer? TokenServer { get; }

    /// <summary>Every line the registry printed so far, stdout and stderr interleaved as they arrived.</summary>
    public IReadOnlyList<string> LogLines => _log.Lines;

    /// <summary>
    /// The requests the access log recorded since start-up (the start-up probe's GET /v2/ is left
    /// out), in the order responses finished. A line is
    /// printed after its response is sent, so a client may see a response before it is listed
    /// here: use <see cref="WaitForRequestsAsync"/> rather than reading this right after a call.
    /// </summary>
    public IReadOnlyList<RegistryRequest> Requests => _log.Requests;

    public static async Task<RegistryServer> StartAsync(RegistryOptions options)
    {
        if (options.Basic is not null && options.Token is not null)
            throw new ArgumentException("distribution runs one access controller: choose Basic or Token, not both", nameof(options));
        string program = RequiredTool.Find("docker-registry", "docker-registry");

        var root = new TempDirectory("registry");
        TokenServer? token = null;
        RegistryServer? launched = null;
        try
        {
            string storage = root.Combine("storage");
            Directory.CreateDirectory(storage);
            TestCertificateAuthority? ca = options.Tls ? TestCertificateAuthority.Create(root.Path) : null;
            string? htpasswd = null;
            if (options.Basic is { } basic)
            {
                htpasswd = root.Combine("htpasswd");
                await Htpasswd.WriteAsync(htpasswd, basic);
            }
            string? bundle = null;
            if (options.Token is { } tokenOptions)
            {
                token = TokenServer.Start(tokenOptions, service: "tko-test-registry", issuer: "tko-test-token-server");
                bundle = root.Combine("token-signing.crt");
                await File.WriteAllTextAsync(bundle, token.SigningCertificatePem);
            }
            var inputs = new RegistryConfigInputs(storage, ca, htpasswd, token, bundle);

            // The port was free a moment ago; if another process took it meanwhile, the registry
            // exits with "address already in use" and we try another one.
            for (int attempt = 1; ; attempt++)
            {
                int port = FreePort.Next();
                string config = root.Combine($"config-{port}.yml");
                await File.WriteAllTextAsync(config, RegistryConfig.Render(inputs, port));
                var log = new RegistryLog();
                Process process = Launch(program, config, log);
                var server = launched = new RegistryServer(root, process, log, port, ca, token, storage);
                string? failure = await server.WaitUntilUpAsync(port);
                if (failure is null)
                {
                    await server.ForgetStartupProbeAsync();
                    return server;
                }
                await server.StopProcessAsync();
                launched = null;
                bool portRace = log.Contains("address already in use");
                if (!portRace || attempt == 3)
                    throw new InvalidOperationException($"docker-registry did not come up on 127.0.0.1:{port}: {failure}\n--- its output ---\n{log}\n--- config.yml ---\n{File.ReadAllText(config)}");
            }
        }
        catch
        {
            if (launched is not null) await launched.StopProcessAsync();
            if (token is not null) await token.DisposeAsync();
            root.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for the access log's requests, which the
    /// registry prints just after answering; fails listing what it saw if it does not in time.
    /// </summary>
    public async Task<IReadOnlyList<RegistryRequest>> WaitForRequestsAsync(Func<IReadOnlyList<RegistryRequest>, bool> condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan limit = timeout ?? TimeSpan.FromSeconds(5);
        while (true)
        {
            IReadOnlyList<RegistryRequest> requests = Requests;
            if (condition(requests)) return requests;
            if (clock.Elapsed > limit)
                throw new TimeoutException($"the registry's access log did not reach the expected state in {limit.TotalSeconds} s; it holds:\n{string.Join('\n', requests)}");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// A handler that trusts exactly this registry's test CA (and checks the host name); with plain
    /// HTTP, an ordinary handler. The caller owns it.
    /// </summary>
    public HttpMessageHandler CreateHttpHandler()
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        if (_ca is { } ca)
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => ca.Validate(certificate, errors);
        return handler;
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        if (TokenServer is not null) await TokenServer.DisposeAsync();
        _root.Dispose();
    }

    private static Process Launch(string program, string config, RegistryLog log)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        // REGISTRY_* variables override config.yml; none from the test's environment may leak in.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("REGISTRY_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // Up means: this process logged that it listens on the port (so the answer below is not from
    // whoever else might hold it) and GET /v2/ answers at all — 401 counts. Returns why not, or null.
    private async Task<string?> WaitUntilUpAsync(int port)
    {
        using var client = new HttpClient(CreateHttpHandler()) { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        string lastProblem = "it printed no 'listening on' line";
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited) return $"it exited with code {_process.ExitCode}";
            if (_log.Contains($"listening on 127.0.0.1:{port}"))
            {
                try
                {
                    using HttpResponseMessage response = await client.GetAsync(new Uri(BaseUri, "/v2/"));
                    if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized) return null;
                    lastProblem = $"GET /v2/ answered {(int)response.StatusCode}";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    lastProblem = $"GET /v2/ failed: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}";
                }
            }
            await Task.Delay(25);
        }
        return $"not up after {StartTimeout.TotalSeconds} s: {lastProblem}";
    }

    // The probe's own GET /v2/ would otherwise be the first entry of every test's request list.
    private async Task ForgetStartupProbeAsync()
    {
        await WaitForRequestsAsync(requests => requests.Any(r => r is { Method: "GET", Path: "/v2/" }));
        _log.ClearRequests();
    }

    private async Task StopProcessAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
        }
        _process.Dispose();
    }
}
