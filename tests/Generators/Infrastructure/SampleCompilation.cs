using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Tko.Generators.Tests.Infrastructure;

/// <summary>Builds compilations of sample source the way the consuming library builds: nullable on, XML docs checked, every warning wave.</summary>
internal static class SampleCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static CSharpCompilation Create(params string[] sources) =>
        Create("Samples", sources.Select((source, i) => Parse(source, $"Sample{i}.cs")), FrameworkReferences.All);

    public static CSharpCompilation Create(string assemblyName, IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999));

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path);
}
