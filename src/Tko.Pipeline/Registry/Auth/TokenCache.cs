using System.Collections.Concurrent;

namespace Tko.Registry;

/// <summary>
/// Tokens per (registry origin, token service, scope set), kept until shortly before they expire. Concurrent requests
/// for the same key share one fetch.
/// </summary>
internal sealed class TokenCache(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BearerToken>>> _tokens = new(StringComparer.Ordinal);

    public static string Key(Origin origin, AuthChallenge challenge, IEnumerable<string> scopes) =>
        $"{origin}|{challenge.Realm}|{challenge.Service}|{string.Join(' ', scopes.Order(StringComparer.Ordinal))}";

    /// <summary>The cached token for <paramref name="key"/> when it is still valid, else one fetched now.</summary>
    public async Task<(BearerToken Token, bool Fresh)> GetAsync(string key, bool refresh, Func<Task<BearerToken>> fetch)
    {
        while (true)
        {
            if (!refresh && _tokens.TryGetValue(key, out Lazy<Task<BearerToken>>? cached))
            {
                try
                {
                    BearerToken token = await cached.Value;
                    if (token.Expires > clock.GetUtcNow()) return (token, false);
                }
                catch
                {
                    // A failed fetch is not cached: fetch again below.
                }
                _tokens.TryRemove(new KeyValuePair<string, Lazy<Task<BearerToken>>>(key, cached));
            }

            var mine = new Lazy<Task<BearerToken>>(fetch);
            if (refresh) _tokens[key] = mine;
            else if (!_tokens.TryAdd(key, mine)) continue;
            try
            {
                return (await mine.Value, true);
            }
            catch
            {
                _tokens.TryRemove(new KeyValuePair<string, Lazy<Task<BearerToken>>>(key, mine));
                throw;
            }
        }
    }
}
