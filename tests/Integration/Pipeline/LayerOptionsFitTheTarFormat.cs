using Xunit;

namespace Tko.Integration.Pipeline;

/// <summary>Validation refuses options the pipeline cannot honour, naming the option, instead of failing mid-build.</summary>
public sealed class LayerOptionsFitTheTarFormat
{
    private const long LargestUstarTime = (1L << 33) - 1; // eleven octal digits: 077777777777

    [Fact]
    public void Largest_time_a_ustar_header_holds_is_accepted()
    {
        LayerOptions options = LayerOptions.Default.WithModificationTime(LargestUstarTime);

        Assert.Same(options, options.Validated());
    }

    [Theory]
    [InlineData(LargestUstarTime + 1)]
    [InlineData(-1L)]
    public void Time_a_ustar_header_cannot_hold_is_refused(long seconds)
    {
        var failure = Assert.Throws<OptionException>(() => LayerOptions.Default.WithModificationTime(seconds).Validated());

        Assert.Equal("LayerOptions.ModificationTime", failure.Option);
    }

    [Theory]
    [InlineData(0, 3, "LayerOptions.Workers")]
    [InlineData(1, 10, "LayerOptions.CompressionLevel")]
    [InlineData(1, -1, "LayerOptions.CompressionLevel")]
    public void Out_of_range_option_is_named_by_its_property(int workers, int level, string option)
    {
        var failure = Assert.Throws<OptionException>(() => LayerOptions.Default.WithWorkers(workers).WithCompressionLevel(level).Validated());

        Assert.Equal(option, failure.Option);
    }
}
