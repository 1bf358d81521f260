using System.Collections.Concurrent;
using Tko.Testing.Registry;

namespace Tko.Integration.Registry;

/// <summary>Registry clients for tests: quick retries, the registry's test CA trusted, and every log line kept.</summary>
internal sealed class TestClients
{
    private readonly ConcurrentQueue<string> _log = new();

    public IReadOnlyList<string> LogLines => [.. _log];

    public RegistryClientOptions Options(RegistryServer? registry = null) => RegistryClientOptions.Default with
    {
        UploadChunkSize = RegistryClientOptions.MinimumUploadChunkSize,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(300),
        RequestTimeout = TimeSpan.FromSeconds(20),
        CaCertificateFiles = registry?.CaCertificatePath is { } ca ? [ca] : [],
        Log = _log.Enqueue,
    };

    public RegistryClient Create(RegistryServer? registry = null, Func<RegistryClientOptions, RegistryClientOptions>? adjust = null) =>
        new((adjust ?? (o => o))(Options(registry)));
}
