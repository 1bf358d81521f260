using Microsoft.CodeAnalysis;
using Tko.Generators.Model;

namespace Tko.Generators.Extraction
{
    /// <summary>Recognises the immutable collections that get an <c>Add…</c> method.</summary>
    internal static class AppendableCollection
    {
        public static AppendableKind Classify(ITypeSymbol type, out ITypeSymbol? elementType)
        {
            elementType = null;
            if (type is not INamedTypeSymbol { Arity: 1 } named
                || named.ContainingNamespace?.ToDisplayString() != "System.Collections.Immutable")
            {
                return AppendableKind.None;
            }

            var kind = named.Name switch
            {
                "ImmutableArray" => AppendableKind.ImmutableArray,
                "ImmutableList" => AppendableKind.ImmutableList,
                _ => AppendableKind.None,
            };
            if (kind != AppendableKind.None)
            {
                elementType = named.TypeArguments[0];
            }

            return kind;
        }
    }
}
