using System.Collections.Immutable;
using Tko.Bases;

namespace Tko.Building;

/// <summary>
/// Turns <see cref="BuildSpec.PlatformsFromBase"/> into a list of platforms: every platform the base
/// lists that SOURCE has an <c>os/arch[/variant]</c> directory for (an <c>arm64/v8</c> entry is also
/// found as <c>SOURCE/linux/arm64</c>), in the base's order.
/// </summary>
internal static class AllBasePlatforms
{
    public static async Task<BuildSpec> ChooseAsync(BuildSpec spec, RegistryClient registry, CancellationToken cancellationToken)
    {
        if (spec.BaseRef == BuildSpec.Scratch)
            throw new OptionException(BuildPlan.PlatformsProperty, "all: the base is scratch, which lists no platforms; name them, such as linux/amd64,linux/arm64");
        IReadOnlyList<Platform> listed = await BasePlatforms.ListAsync(spec.BaseRef, registry, cancellationToken);
        var chosen = ImmutableList.CreateBuilder<Platform>();
        foreach (Platform platform in listed)
            if (Present(spec, platform) is { } found && !chosen.Any(c => PlatformMatching.Matches(c, found)))
                chosen.Add(found);
        if (chosen.Count == 0)
            throw new OptionException(BuildPlan.PlatformsProperty,
                $"all: SOURCE has a directory for none of the platforms of the base {spec.BaseRef} ({string.Join(", ", listed)}); "
                + $"put each platform's artifacts in {string.Join(" or ", listed.Take(3).Select(p => Path.Combine(spec.SourceDirectory, p.ToString())))}");
        return spec.WithPlatforms(chosen.ToImmutable());
    }

    /// <summary>The platform as SOURCE has a directory for it, or null.</summary>
    private static Platform? Present(BuildSpec spec, Platform platform)
    {
        Platform[] forms = platform.Variant is null ? [platform] : [platform, platform with { Variant = null }];
        return forms.FirstOrDefault(form => Directory.Exists(spec.SourceDirectoryFor(form)));
    }
}
