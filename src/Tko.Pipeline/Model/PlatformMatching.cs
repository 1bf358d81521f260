using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// Picks a platform's manifest from an index as containerd does: names normalised (<c>x86_64</c> is
/// <c>amd64</c>, <c>aarch64</c> is <c>arm64</c>, arm64 without variant is <c>v8</c>, arm without
/// variant is <c>v7</c>, amd64 <c>v1</c> is no variant), an exact match preferred, then an older
/// variant the platform can run (arm v7 runs v6 and v5; amd64 v3 runs v2 and v1).
/// </summary>
public static class PlatformMatching
{
    /// <summary>The platform with containerd's normalised os, architecture and variant.</summary>
    public static Platform Normalize(Platform platform)
    {
        string os = platform.Os.ToLowerInvariant();
        string arch = platform.Architecture.ToLowerInvariant();
        string? variant = platform.Variant is { Length: > 0 } v ? v.ToLowerInvariant() : null;
        (arch, variant) = arch switch
        {
            "x86_64" or "x86-64" or "amd64" => ("amd64", variant is "v1" ? null : variant),
            "aarch64" or "arm64" => ("arm64", variant is null or "8" or "v8" or "v8.0" ? "v8" : variant),
            "armhf" => ("arm", "v7"),
            "armel" => ("arm", "v6"),
            "arm" => ("arm", variant switch { null or "7" => "v7", "5" or "6" or "8" => "v" + variant, _ => variant }),
            "i386" or "i686" or "x86" => ("386", variant),
            _ => (arch, variant),
        };
        return new Platform(arch, os) { Variant = variant };
    }

    /// <summary>True when <paramref name="candidate"/> is the same platform as <paramref name="wanted"/> once both are normalised.</summary>
    public static bool Matches(Platform wanted, Platform candidate)
    {
        Platform a = Normalize(wanted), b = Normalize(candidate);
        return a.Os == b.Os && a.Architecture == b.Architecture && a.Variant == b.Variant;
    }

    /// <summary>The manifest of <paramref name="manifests"/> best suited to <paramref name="wanted"/>, or null when none can run there.</summary>
    public static Descriptor? Select(IEnumerable<Descriptor> manifests, Platform wanted)
    {
        ImmutableList<Descriptor> candidates = [.. manifests.Where(m => m.Platform is not null)];
        foreach (Platform acceptable in Acceptable(Normalize(wanted)))
            if (candidates.FirstOrDefault(m => Matches(acceptable, m.Platform!)) is { } found)
                return found;
        return null;
    }

    /// <summary>The platform, then the older variants it runs, best first.</summary>
    private static IEnumerable<Platform> Acceptable(Platform wanted)
    {
        yield return wanted;
        string[] ladder = wanted.Architecture switch
        {
            "arm" => ["v8", "v7", "v6", "v5"],
            "amd64" => ["v4", "v3", "v2", "v1"],
            _ => [],
        };
        int at = Array.IndexOf(ladder, wanted.Variant ?? (wanted.Architecture == "amd64" ? "v1" : ""));
        if (at < 0) yield break;
        for (int i = at + 1; i < ladder.Length; i++)
            yield return wanted with { Variant = ladder[i] == "v1" ? null : ladder[i] };
    }
}
