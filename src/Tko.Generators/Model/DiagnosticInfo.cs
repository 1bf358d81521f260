using System.Linq;
using Microsoft.CodeAnalysis;

namespace Tko.Generators.Model
{
    /// <summary>A diagnostic to report later, stored as equatable values rather than a <see cref="Diagnostic"/>.</summary>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] messageArguments) =>
            new DiagnosticInfo(descriptor, LocationInfo.From(location), new EquatableArray<string>(messageArguments));

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(Descriptor, Location?.ToLocation(), MessageArguments.Cast<object>().ToArray());
    }
}
