using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tko.Generators.Model;

namespace Tko.Generators.Extraction
{
    /// <summary>TKO003: finds generated methods or parameters whose names would collide with existing members or with each other.</summary>
    internal static class NameClashDetector
    {
        public static IEnumerable<DiagnosticInfo> Find(
            INamedTypeSymbol type,
            TypeDeclarationSyntax declaration,
            IReadOnlyList<IPropertySymbol> members,
            IReadOnlyList<PlannedMethod> methods)
        {
            var typeName = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
            var typeLocation = declaration.Identifier.GetLocation();

            var parameterOwners = new Dictionary<string, IPropertySymbol>();
            foreach (var member in members)
            {
                var parameter = CSharpIdentifier.ToParameterName(member.Name);
                if (parameterOwners.TryGetValue(parameter, out var owner))
                {
                    yield return Clash("Update", typeName, $"the parameter for '{owner.Name}' (both would be named '{parameter}')", SourceLocation(member) ?? typeLocation);
                }
                else
                {
                    parameterOwners.Add(parameter, member);
                }
            }

            // Two generated methods can only share a name when two properties differ just in the case of
            // their first letter, which the parameter check above already reports.
            foreach (var method in methods)
            {
                if (method.Name == type.Name)
                {
                    yield return Clash(method.Name, typeName, "the name of the type itself", typeLocation);
                }

                foreach (var existing in type.GetMembers(method.Name))
                {
                    if (existing is IMethodSymbol existingMethod && MethodSignature.Of(existingMethod) != method.Signature)
                    {
                        continue; // A different overload can live next to the generated one.
                    }

                    var what = existing is IMethodSymbol ? "an existing method with the same parameters" : $"the existing member '{existing.Name}'";
                    yield return Clash(method.Name, typeName, what, SourceLocation(existing) ?? typeLocation);
                }
            }
        }

        private static DiagnosticInfo Clash(string generated, string typeName, string reason, Location location) =>
            DiagnosticInfo.Create(WithDiagnostics.NameClash, location, generated, typeName, reason);

        private static Location? SourceLocation(ISymbol? symbol) =>
            symbol?.Locations.FirstOrDefault(l => l.IsInSource);
    }
}
