using System.Collections.Immutable;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>A platform's manifest is picked from an index as containerd picks it.</summary>
public sealed class PlatformSelection
{
    private static Descriptor Entry(string platform, char digit) =>
        new(MediaTypes.OciManifest, Digest.Parse("sha256:" + new string(digit, 64)), 1) { Platform = ParseLoose(platform) };

    private static Platform ParseLoose(string text)
    {
        string[] parts = text.Split('/');
        return new Platform(parts[1], parts[0]) { Variant = parts.Length > 2 ? parts[2] : null };
    }

    private static readonly ImmutableList<Descriptor> Index =
    [
        Entry("linux/amd64", '1'),
        Entry("linux/arm/v6", '2'),
        Entry("linux/arm/v7", '3'),
        Entry("linux/arm64/v8", '4'),
        Entry("linux/s390x", '5'),
        Entry("unknown/unknown", '6'),
    ];

    [Theory]
    [InlineData("linux/amd64", '1')]
    [InlineData("linux/x86_64", '1')]
    [InlineData("linux/amd64/v1", '1')]
    [InlineData("linux/amd64/v3", '1')]
    [InlineData("linux/arm64", '4')]
    [InlineData("linux/aarch64", '4')]
    [InlineData("linux/arm64/v8", '4')]
    [InlineData("linux/arm", '3')]
    [InlineData("linux/arm/v7", '3')]
    [InlineData("linux/arm/v6", '2')]
    [InlineData("linux/armhf", '3')]
    [InlineData("linux/arm/v8", '3')]
    [InlineData("LINUX/s390x", '5')]
    public void Platform_picks_its_manifest(string wanted, char digit)
    {
        Descriptor? chosen = PlatformMatching.Select(Index, ParseLoose(wanted));

        Assert.Equal(new string(digit, 64), chosen?.Digest.Hex);
    }

    [Fact]
    public void Arm64_without_variant_in_the_index_matches_arm64_v8()
    {
        Descriptor? chosen = PlatformMatching.Select([Entry("linux/arm64", '7')], ParseLoose("linux/arm64/v8"));

        Assert.NotNull(chosen);
    }

    [Theory]
    [InlineData("linux/ppc64le")]
    [InlineData("windows/amd64")]
    [InlineData("linux/arm/v5")]
    public void Missing_platform_gives_nothing(string wanted) =>
        Assert.Null(PlatformMatching.Select(Index, ParseLoose(wanted)));
}
