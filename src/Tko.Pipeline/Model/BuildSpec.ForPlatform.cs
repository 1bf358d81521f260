namespace Tko;

public sealed partial record BuildSpec
{
    /// <summary>
    /// The single-platform spec that builds <paramref name="platform"/>: its <see cref="PlatformOverride"/>
    /// applied (base, entrypoint, user; env merged by key over <see cref="ImageMetadata.Env"/>) and
    /// its source directory resolved (see <see cref="SourceDirectoryFor"/>). Pure: nothing is read.
    /// </summary>
    public BuildSpec ForPlatform(Platform platform)
    {
        PlatformOverride settings = OverrideFor(platform);
        ImageMetadata metadata = Metadata;
        if (settings.Env is { } env) metadata = metadata.WithEnv(EnvironmentMerge.Over(metadata.Env, env));
        if (settings.User is { } user) metadata = metadata.WithUser(user);
        return (this with { PlatformsFromBase = false })
            .WithPlatforms([platform])
            .WithSourceDirectory(SourceDirectoryFor(platform))
            .WithBaseRef(settings.BaseRef ?? BaseRef)
            .WithEntrypoint(settings.Entrypoint ?? Entrypoint)
            .WithMetadata(metadata)
            .WithOverrides([]);
    }

    /// <summary>
    /// Where <paramref name="platform"/>'s artifacts are: the override's source when it names one;
    /// otherwise <see cref="SourceDirectory"/> itself for a one-platform build, and
    /// <c>SOURCE/os/arch[/variant]</c> when several platforms are built or they come from the base (<see cref="PlatformsFromBase"/>).
    /// </summary>
    public string SourceDirectoryFor(Platform platform)
    {
        if (OverrideFor(platform).SourceDirectory is { } source) return source;
        if (Platforms.Count <= 1 && !PlatformsFromBase) return SourceDirectory;
        string[] parts = platform.Variant is null
            ? [SourceDirectory, platform.Os, platform.Architecture]
            : [SourceDirectory, platform.Os, platform.Architecture, platform.Variant];
        return Path.Combine(parts);
    }

    /// <summary>
    /// The overrides for <paramref name="platform"/>: the last entry of <see cref="Overrides"/> naming
    /// the same platform (<c>linux/arm64</c> and <c>linux/arm64/v8</c> are one), or none.
    /// </summary>
    public PlatformOverride OverrideFor(Platform platform) =>
        Overrides.LastOrDefault(o => Tko.PlatformMatching.Matches(o.Platform, platform)) ?? PlatformOverride.None(platform);
}
