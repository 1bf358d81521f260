using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// What a build sets on the image besides its layer and entrypoint. Empty values keep the base's.
/// </summary>
/// <param name="Env">Variables as <c>KEY=VALUE</c>, merged over the base's (a key given here replaces the base's value; PATH is kept unless given).</param>
/// <param name="User">The user the entrypoint runs as (<c>uid[:gid]</c> or a name); null keeps the base's.</param>
/// <param name="WorkingDir">The entrypoint's working directory; null keeps the base's.</param>
/// <param name="Author">The config's <c>author</c>; null keeps the base's.</param>
/// <param name="Annotations">Manifest annotations, applied over the ones tko sets (<c>org.opencontainers.image.base.name</c> and <c>.base.digest</c>).</param>
[GenerateWith]
public sealed partial record ImageMetadata(
    ImmutableList<string> Env,
    string? User,
    string? WorkingDir,
    string? Author,
    ImmutableSortedDictionary<string, string> Annotations)
{
    /// <summary>Nothing set: the image keeps the base's env, user, working directory and author.</summary>
    public static ImageMetadata Empty { get; } =
        new([], null, null, null, ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));
}
