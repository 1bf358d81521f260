using Microsoft.CodeAnalysis;
using Tko.Generators.Tests.Infrastructure;
using Xunit;

namespace Tko.Generators.Tests;

public sealed class GeneratedCodeCompilesTests
{
    public static TheoryData<string> SampleNames => new(CompilingSamples.ByName.Keys);

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Generated_code_compiles_without_any_warning(string sampleName)
    {
        var run = GeneratorRun.Of(CompilingSamples.ByName[sampleName]);

        // CS8981 (lower-case type name) belongs to the keyword-named sample itself, not to generated code.
        Assert.Empty(run.Problems(ignoredIds: "CS8981"));
        Assert.Contains(run.GeneratedSources, s => s.HintName.EndsWith(".With.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void Harness_reports_missing_xml_docs_so_the_compile_test_would_catch_them()
    {
        var run = GeneratorRun.Of("""
            /// <summary>Documented.</summary>
            public static class Documented
            {
                public static int Undocumented => 1;
            }
            """);

        Assert.Contains(run.Problems(), d => d.Id == "CS1591");
    }

    [Fact]
    public void Every_sample_record_gets_its_own_file()
    {
        var run = GeneratorRun.Of(CompilingSamples.ByName.Values.ToArray());

        var hintNames = run.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(hintNames.Count, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("Samples.Person.With.g.cs", hintNames);
        Assert.Contains("Samples.Generic.Box`1.With.g.cs", hintNames);
        Assert.Contains("Samples.Outer.Middle`1.Deep.With.g.cs", hintNames);
        Assert.Contains("GlobalThing.With.g.cs", hintNames);
        Assert.Empty(run.Problems(ignoredIds: "CS8981"));
    }

    [Fact]
    public void Collection_expressions_and_null_still_pick_the_immutable_overload_without_ambiguity()
    {
        var run = GeneratorRun.Of("""
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Linq;

            namespace Samples;

            /// <summary>A sample.</summary>
            [Tko.GenerateWith]
            public partial record Bag(ImmutableList<string> Names, ImmutableArray<int> Counts, ImmutableList<string>? Extra)
            {
                /// <summary>Every way callers pass collections.</summary>
                public static Bag Use(Bag bag, List<string> names) => bag
                    .WithNames([])
                    .WithNames(["a", "b"])
                    .WithNames(names)
                    .WithNames(names.Where(n => n.Length > 1))
                    .WithCounts([1, 2])
                    .WithCounts(Enumerable.Range(0, 3))
                    .WithExtra(null)
                    .WithExtra(["x"]);
            }
            """);

        Assert.Empty(run.Problems());
    }

    [Fact]
    public void Dictionaries_take_any_key_value_pairs_while_null_and_immutable_dictionaries_pick_the_immutable_overload()
    {
        var run = GeneratorRun.Of("""
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Linq;

            namespace Samples;

            /// <summary>A sample.</summary>
            [Tko.GenerateWith]
            public partial record Labels(ImmutableSortedDictionary<string, string>? Annotations, ImmutableDictionary<string, int> Counts)
            {
                /// <summary>Every way callers pass dictionaries.</summary>
                public static Labels Use(Labels labels, Dictionary<string, string> given, IReadOnlyDictionary<string, int> counts) => labels
                    .WithAnnotations(null)
                    .WithAnnotations(ImmutableSortedDictionary<string, string>.Empty)
                    .WithAnnotations(given)
                    .WithAnnotations(given.Where(p => p.Key.Length > 1))
                    .WithAnnotations([])
                    .WithAnnotations(ImmutableDictionary<string, string>.Empty)
                    .WithCounts(ImmutableDictionary<string, int>.Empty)
                    .WithCounts(counts);
            }
            """);

        Assert.Empty(run.Problems());
    }

    [Fact]
    public void Record_without_assignable_members_gets_no_file()
    {
        var run = GeneratorRun.Of("""
            [Tko.GenerateWith]
            public partial record Empty
            {
                public int Computed => 1;
            }
            """);

        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.EndsWith(".With.g.cs", StringComparison.Ordinal));
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void Attribute_repeated_on_two_parts_generates_once_and_leaves_the_error_to_the_compiler()
    {
        var run = GeneratorRun.Of("""
            [Tko.GenerateWith]
            public partial record Twice(int A);

            [Tko.GenerateWith]
            public partial record Twice;
            """);

        Assert.Single(run.GeneratedSources, s => s.HintName == "Twice.With.g.cs");
        Assert.Empty(run.GeneratorDiagnostics); // In particular no CS8785 "generator failed".
        Assert.Contains(run.Problems(), d => d.Id == "CS0579");
    }

    [Fact]
    public void Marker_attribute_is_emitted_even_when_unused()
    {
        var run = GeneratorRun.Of("namespace Empty { }");

        Assert.NotNull(run.Output.GetTypeByMetadataName("Tko.GenerateWithAttribute"));
        Assert.Empty(run.Problems());
    }
}
