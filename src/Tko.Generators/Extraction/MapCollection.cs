using Microsoft.CodeAnalysis;
using Tko.Generators.Model;

namespace Tko.Generators.Extraction
{
    /// <summary>Recognises the immutable dictionaries whose <c>With…</c> gets a key/value-pair sequence overload.</summary>
    internal static class MapCollection
    {
        public static MapKind Classify(ITypeSymbol type, out ITypeSymbol? keyType, out ITypeSymbol? valueType)
        {
            keyType = null;
            valueType = null;
            if (type is not INamedTypeSymbol { Arity: 2 } named
                || named.ContainingNamespace?.ToDisplayString() != "System.Collections.Immutable")
            {
                return MapKind.None;
            }

            var kind = named.Name switch
            {
                "ImmutableDictionary" => MapKind.ImmutableDictionary,
                "ImmutableSortedDictionary" => MapKind.ImmutableSortedDictionary,
                _ => MapKind.None,
            };
            if (kind != MapKind.None)
            {
                keyType = named.TypeArguments[0];
                valueType = named.TypeArguments[1];
            }

            return kind;
        }

        /// <summary>The sequence type the overload takes: <c>IEnumerable&lt;KeyValuePair&lt;K, V&gt;&gt;</c>.</summary>
        public static INamedTypeSymbol PairSequence(Compilation compilation, ITypeSymbol keyType, ITypeSymbol valueType)
        {
            var pair = compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2")!.Construct(keyType, valueType);
            return compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T).Construct(pair);
        }
    }
}
