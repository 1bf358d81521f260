using System.Collections.Concurrent;

namespace Tko.Registry;

/// <summary>The last authentication challenge each registry endpoint (<c>host:port</c>) answered with, learned from the ping or a 401.</summary>
internal sealed class ChallengeBook
{
    private readonly ConcurrentDictionary<string, AuthChallenge> _byAuthority = new(StringComparer.OrdinalIgnoreCase);

    public AuthChallenge? Get(string authority) => _byAuthority.TryGetValue(authority, out AuthChallenge? challenge) ? challenge : null;

    public void Set(string authority, AuthChallenge challenge) => _byAuthority[authority] = challenge;
}
