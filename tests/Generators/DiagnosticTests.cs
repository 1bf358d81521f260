using Microsoft.CodeAnalysis;
using Tko.Generators.Tests.Infrastructure;
using Xunit;

namespace Tko.Generators.Tests;

public sealed class DiagnosticTests
{
    [Fact]
    public void Non_partial_record_reports_TKO001_at_its_name()
    {
        var run = GeneratorRun.Of("""
            [Tko.GenerateWith]
            public record Point(int X);
            """);

        AssertOnlyDiagnostic(run, "TKO001", at: "Point", line: 2);
    }

    [Fact]
    public void Non_partial_containing_type_reports_TKO001_at_the_container()
    {
        var run = GeneratorRun.Of("""
            public class Outer
            {
                [Tko.GenerateWith]
                public partial record Inner(int A);
            }
            """);

        AssertOnlyDiagnostic(run, "TKO001", at: "Outer", line: 1);
    }

    [Theory]
    [InlineData("class")]
    [InlineData("struct")]
    public void Plain_class_or_struct_reports_TKO002(string keyword)
    {
        var run = GeneratorRun.Of($$"""
            [Tko.GenerateWith]
            public partial {{keyword}} Plain
            {
                public int A { get; init; }
            }
            """);

        AssertOnlyDiagnostic(run, "TKO002", at: "Plain", line: 2);
    }

    [Fact]
    public void Property_named_Update_reports_TKO003_at_the_property()
    {
        var run = GeneratorRun.Of("""
            [Tko.GenerateWith]
            public partial record Job(string Update);
            """);

        AssertOnlyDiagnostic(run, "TKO003", at: "Update", line: 2);
    }

    [Fact]
    public void Existing_With_method_with_the_same_parameters_reports_TKO003()
    {
        var run = GeneratorRun.Of("""
            [Tko.GenerateWith]
            public partial record Named(string Name)
            {
                public Named WithName(string value) => this;
            }
            """);

        AssertOnlyDiagnostic(run, "TKO003", at: "WithName", line: 4);
    }

    [Fact]
    public void Properties_that_camel_case_to_the_same_parameter_report_TKO003()
    {
        var run = GeneratorRun.Of("""
            [Tko.GenerateWith]
            public partial record Twins
            {
                public int Value { get; init; }
                public int value { get; init; }
            }
            """);

        AssertOnlyDiagnostic(run, "TKO003", at: "value", line: 5);
    }

    [Fact]
    public void Record_named_like_a_generated_method_reports_TKO003()
    {
        var run = GeneratorRun.Of("""
            [Tko.GenerateWith]
            public partial record WithA(int A);
            """);

        AssertOnlyDiagnostic(run, "TKO003", at: "WithA", line: 2);
    }

    [Fact]
    public void Diagnostics_are_errors_in_the_Tko_Generators_category()
    {
        var run = GeneratorRun.Of("""
            [Tko.GenerateWith]
            public class Plain { }
            """);

        Assert.Equal(["TKO001", "TKO002"], run.GeneratorDiagnostics.Select(d => d.Id).Order());
        Assert.All(run.GeneratorDiagnostics, d =>
        {
            Assert.Equal(DiagnosticSeverity.Error, d.Severity);
            Assert.Equal("Tko.Generators", d.Descriptor.Category);
        });
    }

    private static void AssertOnlyDiagnostic(GeneratorRun run, string id, string at, int line)
    {
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);

        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("Sample0.cs", span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);

        var sample = run.Output.SyntaxTrees.Single(t => t.FilePath == "Sample0.cs");
        Assert.Equal(at, sample.GetText().ToString(diagnostic.Location.SourceSpan));

        // Nothing is generated for a type with problems, so the user sees only the diagnostic.
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.EndsWith(".With.g.cs", StringComparison.Ordinal));
    }
}
