using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tko.Generators.Model;

namespace Tko.Generators.Extraction
{
    /// <summary>TKO001: the generated part can only merge if the type and every type around it are partial.</summary>
    internal static class PartialDeclarationCheck
    {
        public static IEnumerable<DiagnosticInfo> Find(TypeDeclarationSyntax declaration)
        {
            var target = declaration.Identifier.ValueText;
            foreach (var current in declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>())
            {
                if (!current.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    yield return DiagnosticInfo.Create(
                        WithDiagnostics.NotPartial,
                        current.Identifier.GetLocation(),
                        current.Identifier.ValueText,
                        target);
                }
            }
        }
    }
}
