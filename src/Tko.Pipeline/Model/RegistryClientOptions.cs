using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// How a <see cref="RegistryClient"/> finds credentials, trusts servers, retries and uploads.
/// <see cref="Default"/> reads nothing from the environment; <see cref="FromEnvironment"/> adds
/// what Docker users expect (docker config, <c>GITHUB_TOKEN</c>, <c>SSL_CERT_FILE</c>/<c>SSL_CERT_DIR</c>, <c>PATH</c>).
/// Proxies come from <c>HTTP_PROXY</c>/<c>HTTPS_PROXY</c>/<c>NO_PROXY</c> through .NET's default proxy; loopback hosts never use one.
/// The log is not an option but a dependency given to the <see cref="RegistryClient"/> (or to <c>Build.Create</c>).
/// </summary>
[GenerateWith]
public sealed partial record RegistryClientOptions
{
    /// <summary>The smallest upload chunk: ECR refuses smaller chunks that are not the last.</summary>
    public const int MinimumUploadChunkSize = 5 << 20;

    /// <summary>Credentials given explicitly, tried first for their registry.</summary>
    public ImmutableList<RegistryLogin> Logins { get; init; } = [];

    /// <summary>The directory of docker's <c>config.json</c>; null reads no docker config.</summary>
    public string? DockerConfigDirectory { get; init; }

    /// <summary>Where to look for <c>docker-credential-NAME</c> programs, as a PATH list; null uses the process's PATH.</summary>
    public string? CredentialHelperPath { get; init; }

    /// <summary>A GitHub token used for <c>ghcr.io</c> when nothing else gives credentials for it.</summary>
    public string? GitHubToken { get; init; }

    /// <summary>Registries (<c>host</c> or <c>host:port</c>) that may be spoken to over plain HTTP, and whose TLS certificates are not verified. Loopback hosts may use plain HTTP anyway.</summary>
    public ImmutableList<string> InsecureRegistries { get; init; } = [];

    /// <summary>PEM files of extra certificate authorities to trust (for example <c>SSL_CERT_FILE</c>).</summary>
    public ImmutableList<string> CaCertificateFiles { get; init; } = [];

    /// <summary>Directories of extra certificate authorities in PEM files (for example <c>SSL_CERT_DIR</c>).</summary>
    public ImmutableList<string> CaCertificateDirectories { get; init; } = [];

    /// <summary>Bytes per upload chunk (PATCH); at least <see cref="MinimumUploadChunkSize"/>. Also the memory one upload holds twice.</summary>
    public int UploadChunkSize { get; init; } = 8 << 20;

    /// <summary>How many blobs are copied or uploaded at once.</summary>
    public int MaxConcurrentBlobTransfers { get; init; } = 4;

    /// <summary>Attempts of one request when failures are transient (5xx, 429, lost connections, timeouts), the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first retry's delay; each further one doubles, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts, a registry's Retry-After included.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a TCP (and TLS) connection may take to open.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a request without a large body may wait for the response headers.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// How long a response body may go without a byte before the read fails (and is retried);
    /// the whole body may also take at most twice this plus its size at 64 KiB/s.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Where uploads spool their bytes; null is the system's temporary directory.</summary>
    public string? TemporaryDirectory { get; init; }

    /// <summary>Defaults that read nothing from the environment: anonymous unless <see cref="Logins"/> are added.</summary>
    public static RegistryClientOptions Default { get; } = new();

    /// <summary>
    /// The defaults plus docker's config (<c>$DOCKER_CONFIG</c> or <c>~/.docker</c>), the PATH for
    /// credential helpers, <c>GITHUB_TOKEN</c>, and the CAs of <c>SSL_CERT_FILE</c> and <c>SSL_CERT_DIR</c>.
    /// </summary>
    public static RegistryClientOptions FromEnvironment()
    {
        static string? Get(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        string? home = Get("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Default with
        {
            DockerConfigDirectory = Get("DOCKER_CONFIG") ?? (string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".docker")),
            CredentialHelperPath = Get("PATH"),
            GitHubToken = Get("GITHUB_TOKEN"),
            CaCertificateFiles = Get("SSL_CERT_FILE") is { } file ? [file] : [],
            CaCertificateDirectories = Get("SSL_CERT_DIR") is { } dirs ? [.. dirs.Split(':', StringSplitOptions.RemoveEmptyEntries)] : [],
        };
    }

    internal RegistryClientOptions Validated()
    {
        if (UploadChunkSize < MinimumUploadChunkSize)
            throw new OptionException($"{nameof(RegistryClientOptions)}.{nameof(UploadChunkSize)}", $"{UploadChunkSize} is too small: chunks must be at least {MinimumUploadChunkSize} bytes (5 MiB), as ECR requires");
        if (MaxConcurrentBlobTransfers < 1)
            throw new OptionException($"{nameof(RegistryClientOptions)}.{nameof(MaxConcurrentBlobTransfers)}", $"{MaxConcurrentBlobTransfers} is not a number of transfers: at least 1 is needed");
        if (MaxAttempts < 1)
            throw new OptionException($"{nameof(RegistryClientOptions)}.{nameof(MaxAttempts)}", $"{MaxAttempts} is not a number of attempts: at least 1 is needed");
        if (ResponseTimeout <= TimeSpan.Zero)
            throw new OptionException($"{nameof(RegistryClientOptions)}.{nameof(ResponseTimeout)}", $"{ResponseTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s is not a timeout: it must be positive");
        return this;
    }
}
