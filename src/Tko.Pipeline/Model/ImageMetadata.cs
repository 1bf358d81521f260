using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// What a build sets on the image besides its layer and entrypoint. Empty values keep the base's.
/// </summary>
/// <param name="Env">Variables as <c>KEY=VALUE</c>, merged over the base's (a key given here replaces the base's value; PATH is kept unless given).</param>
/// <param name="User">The user the entrypoint runs as (<c>uid[:gid]</c> or a name); null keeps the base's.</param>
/// <param name="WorkingDir">The entrypoint's working directory; null keeps the base's.</param>
/// <param name="Author">The config's <c>author</c>; null keeps the base's.</param>
/// <param name="Annotations">
/// Manifest annotations, applied over the ones tko sets (<c>org.opencontainers.image.base.name</c> and
/// <c>.base.digest</c>). All of them are config labels too, as the original tko writes them.
/// </param>
/// <param name="Labels">Config labels only, over the base's labels and the annotations.</param>
/// <param name="Cmd">The config's Cmd (default arguments to the entrypoint); empty clears the base's, as Docker does when an entrypoint is set.</param>
/// <param name="ExposedPorts">Ports as <c>PORT/tcp</c> or <c>PORT/udp</c>, added to the base's.</param>
[GenerateWith]
public sealed partial record ImageMetadata(
    ImmutableList<string> Env,
    string? User,
    string? WorkingDir,
    string? Author,
    ImmutableSortedDictionary<string, string> Annotations,
    ImmutableSortedDictionary<string, string> Labels,
    ImmutableList<string> Cmd,
    ImmutableList<string> ExposedPorts)
{
    /// <summary>Nothing set: the image keeps the base's env, user, working directory, author, labels and ports; Cmd is cleared.</summary>
    public static ImageMetadata Empty { get; } =
        new([], null, null, null, ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal),
            ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal), [], []);
}
