using Xunit;
using static Tko.Integration.Layers.SyntheticSnapshot;

namespace Tko.Integration.Layers;

/// <summary>The destination is an absolute path without '.' or '..' segments; '/' and repeated slashes are accepted.</summary>
public sealed class DestinationPathMustBeAbsoluteAndPlain
{
    [Theory]
    [InlineData("tko-app")]
    [InlineData("./tko-app")]
    [InlineData("")]
    [InlineData("/opt/../etc")]
    [InlineData("/opt/./app")]
    [InlineData("/..")]
    public void Bad_destination_is_refused_naming_the_option(string destPath)
    {
        var failure = Assert.Throws<OptionException>(() => LayerPlanner.Plan(Of((UnixFileMode)0b111_101_101, File("app")), destPath, 0, 0, FileModes.Kept));

        Assert.Equal("BuildSpec.DestPath", failure.Option);
        Assert.Contains($"'{destPath}'", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "app")]
    [InlineData("/opt//app/", "opt/app/app")]
    [InlineData("/tko-app", "tko-app/app")]
    public void Plain_absolute_destination_is_accepted(string destPath, string fileEntry)
    {
        var entries = LayerPlanner.Plan(Of((UnixFileMode)0b111_101_101, File("app")), destPath, 0, 0, FileModes.Kept);

        Assert.Equal(fileEntry, entries[^1].Name);
    }
}
