namespace Tko.Testing.Registry;

/// <summary>
/// Everything a registry process printed, and the requests its access log recorded, kept safely
/// for readers on other threads (the process's output arrives on thread-pool threads).
/// </summary>
internal sealed class RegistryLog
{
    private readonly Lock _lock = new();
    private readonly List<string> _lines = [];
    private readonly List<RegistryRequest> _requests = [];

    public IReadOnlyList<string> Lines { get { lock (_lock) return [.. _lines]; } }

    public IReadOnlyList<RegistryRequest> Requests { get { lock (_lock) return [.. _requests]; } }

    public void Add(string? line)
    {
        if (line is null) return;
        RegistryRequest? request = AccessLog.TryParse(line);
        lock (_lock)
        {
            _lines.Add(line);
            if (request is not null) _requests.Add(request);
        }
    }

    /// <summary>Drops the requests seen so far; the lines stay.</summary>
    public void ClearRequests()
    {
        lock (_lock) _requests.Clear();
    }

    public bool Contains(string fragment)
    {
        lock (_lock) return _lines.Any(l => l.Contains(fragment, StringComparison.Ordinal));
    }

    public override string ToString()
    {
        lock (_lock) return string.Join('\n', _lines);
    }
}
