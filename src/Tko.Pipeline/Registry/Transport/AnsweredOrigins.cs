using System.Collections.Concurrent;

namespace Tko.Registry;

/// <summary>The scheme://host:port origins that have answered at least one request of this client.</summary>
internal sealed class AnsweredOrigins
{
    private readonly ConcurrentDictionary<string, bool> _origins = new(StringComparer.OrdinalIgnoreCase);

    public void Add(Uri? uri)
    {
        if (uri is not null) _origins.TryAdd(uri.GetLeftPart(UriPartial.Authority), true);
    }

    public bool Contains(Uri? uri) => uri is not null && _origins.ContainsKey(uri.GetLeftPart(UriPartial.Authority));
}
