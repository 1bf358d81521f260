using Microsoft.CodeAnalysis;

namespace Tko.Generators
{
    /// <summary>The diagnostics the <c>With</c> generator reports instead of writing code that would not compile.</summary>
    internal static class WithDiagnostics
    {
        private const string Category = "Tko.Generators";

        public static readonly DiagnosticDescriptor NotPartial = new DiagnosticDescriptor(
            id: "TKO001",
            title: "Type must be partial",
            messageFormat: "'{0}' must be declared partial so [GenerateWith] can add members to '{1}'",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The generated methods live in another part of the type, so the type and every type containing it must be partial.");

        public static readonly DiagnosticDescriptor NotRecord = new DiagnosticDescriptor(
            id: "TKO002",
            title: "Type must be a record",
            messageFormat: "'{0}' is not a record; [GenerateWith] needs a 'record' or 'record struct' because it copies with 'with' expressions",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "The generated methods copy the instance with a 'with' expression, which only records support.");

        public static readonly DiagnosticDescriptor NameClash = new DiagnosticDescriptor(
            id: "TKO003",
            title: "Generated member clashes with an existing name",
            messageFormat: "[GenerateWith] cannot generate '{0}' on '{1}' because it clashes with {2}",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "A generated method or parameter would have the same name as something that already exists, so the generated code would not compile.");
    }
}
