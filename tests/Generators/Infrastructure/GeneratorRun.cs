using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tko.Generators.Tests.Infrastructure;

/// <summary>One run of <see cref="WithGenerator"/> over a compilation, with the compilation it produced.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(Compilation output, ImmutableArray<Diagnostic> generatorDiagnostics, GeneratorDriverRunResult result)
    {
        Output = output;
        GeneratorDiagnostics = generatorDiagnostics;
        Result = result;
    }

    public Compilation Output { get; }

    /// <summary>Diagnostics the generator reported (TKO…), plus CS8785 if it threw.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics { get; }

    public GeneratorDriverRunResult Result { get; }

    public IEnumerable<GeneratedSourceResult> GeneratedSources => Result.Results.Single().GeneratedSources;

    public static GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new WithGenerator().AsSourceGenerator()],
            parseOptions: SampleCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratorRun Of(params string[] sources) => Of(SampleCompilation.Create(sources));

    public static GeneratorRun Of(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(output, diagnostics, driver.GetRunResult());
    }

    public string GeneratedText(string hintName) =>
        GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Every warning or error from the generator and from compiling its output.</summary>
    public IReadOnlyList<Diagnostic> Problems(params string[] ignoredIds) =>
        GeneratorDiagnostics
            .Concat(Output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !ignoredIds.Contains(d.Id))
            .ToList();
}
