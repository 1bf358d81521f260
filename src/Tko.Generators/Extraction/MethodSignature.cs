using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Tko.Generators.Extraction
{
    /// <summary>
    /// A comparable text form of what makes two C# methods the same signature:
    /// name, generic arity, and parameter types with their ref kinds.
    /// </summary>
    internal static class MethodSignature
    {
        public static string Of(IMethodSymbol method) =>
            Of(method.Name, method.Arity, method.Parameters.Select(p => (p.RefKind, p.Type)));

        public static string Of(string name, int arity, IEnumerable<(RefKind RefKind, ITypeSymbol Type)> parameters) =>
            name + "`" + arity + "(" + string.Join(", ", parameters.Select(p => RefPrefix(p.RefKind) + TypeNames.SignatureKey(p.Type))) + ")";

        private static string RefPrefix(RefKind kind) => kind == RefKind.None ? string.Empty : "ref ";
    }
}
