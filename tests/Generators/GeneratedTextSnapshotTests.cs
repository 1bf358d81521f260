using Tko.Generators.Tests.Infrastructure;
using Xunit;

namespace Tko.Generators.Tests;

/// <summary>Pins the exact generated text for one small record so any change to the output shows up in review.</summary>
public sealed class GeneratedTextSnapshotTests
{
    [Fact]
    public void Small_record_generates_exactly_the_expected_text()
    {
        var run = GeneratorRun.Of("""
            using System.Collections.Immutable;

            namespace Samples;

            [Tko.GenerateWith]
            public partial record Tag(string? Name, ImmutableArray<int> Values);
            """);

        var actual = run.GeneratedText("Samples.Tag.With.g.cs");

        System.IO.File.WriteAllText("/tmp/tag.txt", actual);
        Assert.Equal(Expected, actual);
    }

    private const string Expected = "";
}
