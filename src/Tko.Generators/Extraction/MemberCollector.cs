using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Tko.Generators.Extraction
{
    /// <summary>
    /// Chooses the properties a record's <c>Update</c> covers: the positional parameters first, in order,
    /// then the other public, assignable instance properties in declaration order.
    /// </summary>
    internal static class MemberCollector
    {
        public static List<IPropertySymbol> Collect(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
        {
            var members = new List<IPropertySymbol>();
            var seen = new HashSet<string>();

            foreach (var name in PositionalParameterNames(type, cancellationToken))
            {
                // A positional parameter may bind to a property inherited from the base record.
                var property = FindProperty(type, name);
                if (property is not null && IsAssignable(property, type, compilation) && seen.Add(property.Name))
                {
                    members.Add(property);
                }
            }

            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (IsAssignable(property, type, compilation) && seen.Add(property.Name))
                {
                    members.Add(property);
                }
            }

            return members;
        }

        private static IEnumerable<string> PositionalParameterNames(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            // Only one part of a partial record may carry the parameter list; find whichever it is.
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is RecordDeclarationSyntax { ParameterList: { } parameters })
                {
                    return parameters.Parameters.Select(p => p.Identifier.ValueText);
                }
            }

            return Enumerable.Empty<string>();
        }

        private static IPropertySymbol? FindProperty(INamedTypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                var property = current.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault();
                if (property is not null)
                {
                    return property;
                }
            }

            return null;
        }

        private static bool IsAssignable(IPropertySymbol property, INamedTypeSymbol type, Compilation compilation) =>
            property.DeclaredAccessibility == Accessibility.Public
            && !property.IsStatic
            && !property.IsIndexer
            && property.CanBeReferencedByName
            && property.SetMethod is { } setter
            && compilation.IsSymbolAccessibleWithin(setter, type)
            // Referencing an obsolete property would put a warning into generated code.
            && !property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.ObsoleteAttribute");
    }
}
