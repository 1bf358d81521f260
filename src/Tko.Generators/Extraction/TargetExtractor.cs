using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Tko.Generators.Model;

namespace Tko.Generators.Extraction
{
    /// <summary>
    /// The pipeline's transform: turns one <c>[GenerateWith]</c> declaration into a Roslyn-free
    /// <see cref="WithTarget"/>, or into diagnostics when the code could not compile.
    /// </summary>
    internal static class TargetExtractor
    {
        public static ExtractionResult Extract(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetNode is not TypeDeclarationSyntax declaration
                || context.TargetSymbol is not INamedTypeSymbol type
                || !IsFirstApplication(type, declaration))
            {
                return ExtractionResult.Nothing;
            }

            var problems = PartialDeclarationCheck.Find(declaration).ToList();
            if (!type.IsRecord)
            {
                problems.Add(DiagnosticInfo.Create(WithDiagnostics.NotRecord, declaration.Identifier.GetLocation(), declaration.Identifier.ValueText));
            }

            if (problems.Count > 0)
            {
                return ExtractionResult.Failure(problems.ToEquatableArray());
            }

            var compilation = context.SemanticModel.Compilation;
            var members = MemberCollector.Collect(type, compilation, cancellationToken);
            if (members.Count == 0)
            {
                return ExtractionResult.Nothing; // Nothing to update; an empty Update() would be noise.
            }

            var methods = PlannedMethod.For(members, compilation);
            var clashes = NameClashDetector.Find(type, declaration, members, methods).ToList();
            if (clashes.Count > 0)
            {
                return ExtractionResult.Failure(clashes.ToEquatableArray());
            }

            cancellationToken.ThrowIfCancellationRequested();
            var inherited = InheritedMembers.Of(type, compilation, cancellationToken);
            return ExtractionResult.Success(BuildTarget(type, members, methods, inherited));
        }

        private static WithTarget BuildTarget(
            INamedTypeSymbol type,
            IReadOnlyList<IPropertySymbol> members,
            IReadOnlyList<PlannedMethod> methods,
            InheritedMembers inherited)
        {
            bool Hides(string name, bool sequenceOverload = false) =>
                methods.Any(m => m.Name == name && m.IsSequenceOverload == sequenceOverload && inherited.AreHiddenBy(m));

            var withMembers = members.Select(member =>
            {
                var suffix = CSharpIdentifier.ToMethodSuffix(member.Name);
                var appendable = AppendableCollection.Classify(member.Type, out var elementType);
                var map = MapCollection.Classify(member.Type, out var keyType, out var valueType);
                return new WithMember(
                    PropertyName: member.Name,
                    MethodSuffix: suffix,
                    ParameterName: CSharpIdentifier.ToParameterName(member.Name),
                    TypeName: TypeNames.Qualified(member.Type),
                    Appendable: appendable,
                    ElementTypeName: elementType is null ? null : TypeNames.Qualified(elementType),
                    IsInherited: !SymbolEqualityComparer.Default.Equals(member.ContainingType, type),
                    WithHidesInherited: Hides("With" + suffix),
                    AddHidesInherited: appendable != AppendableKind.None && Hides("Add" + suffix),
                    SequenceWithHidesInherited: (appendable != AppendableKind.None || map != MapKind.None) && Hides("With" + suffix, sequenceOverload: true),
                    Map: map,
                    KeyTypeName: keyType is null ? null : TypeNames.Qualified(keyType),
                    ValueTypeName: valueType is null ? null : TypeNames.Qualified(valueType),
                    OrdinalKeys: map == MapKind.ImmutableSortedDictionary && keyType!.SpecialType == SpecialType.System_String);
            });

            var containingTypes = new List<TypeHeader>();
            for (var container = type.ContainingType; container is not null; container = container.ContainingType)
            {
                containingTypes.Insert(0, TypeNames.Header(container));
            }

            return new WithTarget(
                HintName: TypeNames.HintName(type),
                Namespace: TypeNames.Namespace(type),
                ContainingTypes: containingTypes.ToEquatableArray(),
                Type: TypeNames.Header(type),
                FullyQualifiedName: TypeNames.Qualified(type),
                UpdateHidesInherited: Hides("Update"),
                Members: withMembers.ToEquatableArray());
        }

        // A duplicated [GenerateWith] on two partial parts is already a compiler error (CS0579);
        // generating twice would also collide on the file name, so only the first part counts.
        private static bool IsFirstApplication(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
        {
            var first = type.GetAttributes()
                .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == GenerateWithAttributeSource.MetadataName)
                ?.ApplicationSyntaxReference;
            return first is null || (first.SyntaxTree == declaration.SyntaxTree && declaration.Span.Contains(first.Span));
        }
    }
}
