using System.Collections.Concurrent;

namespace Tko.Registry;

/// <summary>The last authentication challenge each registry origin (scheme, host and port) answered with, learned from the ping or a 401.</summary>
internal sealed class ChallengeBook
{
    private readonly ConcurrentDictionary<Origin, AuthChallenge> _byOrigin = new();

    public AuthChallenge? Get(Origin origin) => _byOrigin.TryGetValue(origin, out AuthChallenge? challenge) ? challenge : null;

    public void Set(Origin origin, AuthChallenge challenge) => _byOrigin[origin] = challenge;
}
