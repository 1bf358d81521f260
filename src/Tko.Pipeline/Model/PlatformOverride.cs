using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// Settings that differ for one platform of a multi-platform build; a null field keeps the spec's value.
/// </summary>
/// <param name="Platform">The platform these settings apply to.</param>
/// <param name="BaseRef">The base image for this platform.</param>
/// <param name="SourceDirectory">The artifacts for this platform, instead of <c>SOURCE/os/arch[/variant]</c>.</param>
/// <param name="Entrypoint">The entrypoint argv for this platform.</param>
/// <param name="Env">Variables as <c>KEY=VALUE</c> for this platform, applied over the spec's.</param>
/// <param name="User">The user for this platform.</param>
[GenerateWith]
public sealed partial record PlatformOverride(
    Platform Platform,
    string? BaseRef,
    string? SourceDirectory,
    ImmutableList<string>? Entrypoint,
    ImmutableList<string>? Env,
    string? User)
{
    /// <summary>No overrides for <paramref name="platform"/>.</summary>
    public static PlatformOverride None(Platform platform) => new(platform, null, null, null, null, null);
}
