using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Tko.Generators.Tests.Infrastructure;
using Xunit;

namespace Tko.Generators.Tests;

public sealed class IncrementalityTests
{
    // One good record and one broken one, so both the source and the diagnostic branches carry values.
    private const string Records = """
        using System.Collections.Immutable;

        namespace Samples;

        [Tko.GenerateWith]
        public partial record Person(string Name, ImmutableArray<string> Tags);

        [Tko.GenerateWith]
        public record NotPartial(int A);
        """;

    private const string Unrelated = """
        namespace Samples;

        public static class Unrelated
        {
            public static int Answer => 42;
        }
        """;

    [Fact]
    public void Adding_an_unrelated_file_reuses_every_step()
    {
        var compilation = SampleCompilation.Create(Records, Unrelated);
        var driver = GeneratorRun.CreateDriver(trackSteps: true).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(SampleCompilation.Parse("class Added { }", "Added.cs")));

        AssertEveryTrackedStepReused(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void Editing_an_unrelated_file_reuses_every_step()
    {
        var compilation = SampleCompilation.Create(Records, Unrelated);
        var driver = GeneratorRun.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "Sample1.cs");
        var edited = unrelated.WithChangedText(SourceText.From(Unrelated.Replace("42", "43", StringComparison.Ordinal)));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(unrelated, edited));

        AssertEveryTrackedStepReused(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void Editing_the_record_regenerates_its_source()
    {
        var compilation = SampleCompilation.Create(Records, Unrelated);
        var driver = GeneratorRun.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var records = compilation.SyntaxTrees.Single(t => t.FilePath == "Sample0.cs");
        var edited = records.WithChangedText(SourceText.From(Records.Replace("string Name", "string FullName", StringComparison.Ordinal)));
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(records, edited));

        var result = driver.GetRunResult().Results.Single();
        var targets = result.TrackedSteps[TrackingNames.Targets].SelectMany(step => step.Outputs);
        Assert.Contains(targets, output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("WithFullName", result.GeneratedSources.Single(s => s.HintName == "Samples.Person.With.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Pipeline_outputs_hold_no_symbols_syntax_or_compilations()
    {
        var driver = GeneratorRun.CreateDriver(trackSteps: true).RunGenerators(SampleCompilation.Create(Records, Unrelated));
        var result = driver.GetRunResult().Results.Single();

        foreach (var name in TrackingNames.All)
        {
            var outputs = result.TrackedSteps[name].SelectMany(step => step.Outputs).ToList();
            Assert.NotEmpty(outputs);
            foreach (var (value, _) in outputs)
            {
                Assert.Empty(RoslynObjectFinder.Find(value));
            }
        }
    }

    [Fact]
    public void Roslyn_object_finder_detects_a_symbol()
    {
        var symbol = SampleCompilation.Create("class C { }").GetTypeByMetadataName("C");

        Assert.NotEmpty(RoslynObjectFinder.Find(new { Nested = new[] { symbol } }));
    }

    private static void AssertEveryTrackedStepReused(GeneratorRunResult result)
    {
        foreach (var name in TrackingNames.All)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            Assert.NotEmpty(result.TrackedSteps[name].SelectMany(step => step.Outputs));
            AssertReused(name, result.TrackedSteps[name]);
        }

        Assert.NotEmpty(result.TrackedOutputSteps);
        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            AssertReused(name, steps);
        }
    }

    private static void AssertReused(string name, IEnumerable<IncrementalGeneratorRunStep> steps)
    {
        foreach (var step in steps)
        {
            foreach (var (_, reason) in step.Outputs)
            {
                Assert.True(
                    reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} produced {reason}");
            }
        }
    }
}
