using System.Collections.Concurrent;

namespace Tko.Registry;

/// <summary>The origin each registry host was found at by its ping: the one origin its credentials may go to.</summary>
internal sealed class RegistryOrigins
{
    private readonly ConcurrentDictionary<string, Origin> _byHost = new(StringComparer.OrdinalIgnoreCase);

    public Origin? Get(string host) => _byHost.TryGetValue(host, out Origin? origin) ? origin : null;

    public void Set(string host, Origin origin) => _byHost[host] = origin;
}
