using Microsoft.CodeAnalysis.CSharp;

namespace Tko.Generators.Extraction
{
    /// <summary>Turns declared names into the identifiers the generated code uses.</summary>
    internal static class CSharpIdentifier
    {
        /// <summary>Prefixes <c>@</c> when the name is a reserved keyword such as <c>class</c> or <c>event</c>.</summary>
        public static string Escape(string name) =>
            SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

        /// <summary>camelCase, unescaped: <c>Name</c> becomes <c>name</c>.</summary>
        public static string ToParameterName(string propertyName) =>
            propertyName.Length == 0 ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);

        /// <summary>PascalCase, so a property <c>@class</c> gets <c>WithClass</c> rather than <c>Withclass</c>.</summary>
        public static string ToMethodSuffix(string propertyName) =>
            propertyName.Length == 0 ? propertyName : char.ToUpperInvariant(propertyName[0]) + propertyName.Substring(1);
    }
}
