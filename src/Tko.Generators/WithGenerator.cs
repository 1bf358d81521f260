using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tko.Generators.Emission;
using Tko.Generators.Extraction;

namespace Tko.Generators
{
    /// <summary>
    /// Adds Roslyn-style <c>Update</c>/<c>With…</c>/<c>Add…</c> methods to partial records marked <c>[Tko.GenerateWith]</c>.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class WithGenerator : IIncrementalGenerator
    {
        /// <inheritdoc/>
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            context.RegisterPostInitializationOutput(static output =>
            {
                output.AddEmbeddedAttributeDefinition();
                output.AddSource(GenerateWithAttributeSource.HintName, GenerateWithAttributeSource.Text);
            });

            var extractions = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    GenerateWithAttributeSource.MetadataName,
                    predicate: static (node, _) => node is TypeDeclarationSyntax,
                    transform: static (attributeContext, cancellationToken) => TargetExtractor.Extract(attributeContext, cancellationToken))
                .WithTrackingName(TrackingNames.Extraction);

            // Split so that a diagnostic moving (its location changed) does not regenerate any source.
            var diagnostics = extractions
                .SelectMany(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.Diagnostics);

            var targets = extractions
                .Where(static result => result.Target is not null)
                .Select(static (result, _) => result.Target!)
                .WithTrackingName(TrackingNames.Targets);

            context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
            context.RegisterSourceOutput(targets, static (output, target) => output.AddSource(target.HintName, WithSourceWriter.Write(target)));
        }
    }
}
