using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Tko.Generators.Extraction
{
    /// <summary>How types are spelled in generated code, in signatures and in file names.</summary>
    internal static class TypeNames
    {
        // global::-qualified, keywords escaped, and `string?` kept so generated signatures match the declared nullability.
        private static readonly SymbolDisplayFormat QualifiedWithNullability = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static readonly SymbolDisplayFormat EscapedNamespace = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

        /// <summary>The spelling used in generated code, for example <c>global::System.Collections.Immutable.ImmutableArray&lt;string?&gt;</c>.</summary>
        public static string Qualified(ITypeSymbol type) => type.ToDisplayString(QualifiedWithNullability);

        /// <summary>
        /// The spelling used to compare method signatures; it ignores nullable reference annotations,
        /// exactly as C# overload rules do.
        /// </summary>
        public static string SignatureKey(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        /// <summary>The escaped namespace for a <c>namespace</c> block, or <see langword="null"/> for the global namespace.</summary>
        public static string? Namespace(INamedTypeSymbol type) =>
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString(EscapedNamespace) : null;

        /// <summary>
        /// <c>Namespace.Outer.Box`1.With.g.cs</c>: metadata-style names keep nested and generic types apart
        /// (<c>Box</c> and <c>Box&lt;T&gt;</c> get different files).
        /// </summary>
        public static string HintName(INamedTypeSymbol type)
        {
            var parts = new List<string>();
            for (var current = type; current is not null; current = current.ContainingType)
            {
                parts.Add(current.Arity == 0 ? current.Name : current.Name + "`" + current.Arity);
            }

            for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                parts.Add(ns.Name);
            }

            parts.Reverse();
            return string.Join(".", parts) + ".With.g.cs";
        }

        /// <summary>The keyword and escaped name with type parameters that reopen <paramref name="type"/> as a partial declaration.</summary>
        public static Model.TypeHeader Header(INamedTypeSymbol type)
        {
            var name = CSharpIdentifier.Escape(type.Name);
            if (type.TypeParameters.Length > 0)
            {
                // No variance needed: a variant interface cannot contain a record.
                name += "<" + string.Join(", ", type.TypeParameters.Select(p => CSharpIdentifier.Escape(p.Name))) + ">";
            }

            return new Model.TypeHeader(Keyword(type), name);
        }

        private static string Keyword(INamedTypeSymbol type) => type.TypeKind switch
        {
            TypeKind.Struct when type.IsRecord => "record struct",
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            _ when type.IsRecord => "record",
            _ => "class",
        };
    }
}
