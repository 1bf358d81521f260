using System.Collections.Immutable;

namespace Tko.Cli.Progress;

/// <summary>Every platform's progress, in the order their first events arrived.</summary>
internal sealed record BuildProgress(ImmutableList<PlatformProgress> Platforms)
{
    public static BuildProgress Empty { get; } = new(ImmutableList<PlatformProgress>.Empty);

    /// <summary>This progress after <paramref name="e"/>, which arrived <paramref name="at"/> after the build started.</summary>
    public BuildProgress Apply(BuildEvent e, TimeSpan at)
    {
        int index = Platforms.FindIndex(p => p.Platform == e.Platform);
        return index < 0
            ? new(Platforms.Add(new PlatformProgress(e.Platform).Apply(e, at)))
            : new(Platforms.SetItem(index, Platforms[index].Apply(e, at)));
    }

    /// <summary>Folds <paramref name="events"/> (each with its arrival time) from nothing.</summary>
    public static BuildProgress Of(IEnumerable<(BuildEvent Event, TimeSpan At)> events) =>
        events.Aggregate(Empty, (progress, e) => progress.Apply(e.Event, e.At));
}
