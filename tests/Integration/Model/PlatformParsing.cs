using Xunit;

namespace Tko.Integration.Model;

/// <summary>Platform.Parse reads os/arch[/variant] and refuses anything else, quoting it.</summary>
public sealed class PlatformParsing
{
    [Theory]
    [InlineData("linux/arm64/v8", "linux", "arm64", "v8")]
    [InlineData("linux/amd64", "linux", "amd64", null)]
    [InlineData("windows/amd64", "windows", "amd64", null)]
    public void Well_formed_platform_is_read(string text, string os, string architecture, string? variant)
    {
        Platform platform = Platform.Parse(text);

        Assert.Equal((os, architecture, variant), (platform.Os, platform.Architecture, platform.Variant));
        Assert.Equal(text, platform.ToString());
    }

    [Theory]
    [InlineData("linux")]
    [InlineData("linux//amd64")]
    [InlineData("/amd64")]
    [InlineData("linux/amd64/")]
    [InlineData("linux/arm64/v8/extra")]
    [InlineData("")]
    [InlineData("linux/am d64")]
    public void Malformed_platform_is_refused_quoting_it(string text)
    {
        var failure = Assert.Throws<FormatException>(() => Platform.Parse(text));

        Assert.Contains($"'{text}'", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("linux-x64", "linux/amd64")]
    [InlineData("linux-musl-arm64", "linux/arm64")]
    [InlineData("win-x86", "windows/386")]
    public void Runtime_identifier_is_refused_naming_the_platform_meant(string rid, string meant)
    {
        var failure = Assert.Throws<FormatException>(() => Platform.Parse(rid));

        Assert.Equal($"'{rid}' is a .NET runtime identifier, not a platform; write {meant}", failure.Message);
    }
}
