using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Tko.Generators.Extraction
{
    /// <summary>
    /// The accessible members a record inherits, including methods a base record's own <c>[GenerateWith]</c>
    /// will generate, so generated methods that hide them get <c>new</c> instead of warning CS0108.
    /// </summary>
    internal sealed class InheritedMembers
    {
        private readonly HashSet<string> _methodSignatures = new HashSet<string>();
        private readonly HashSet<string> _otherMemberNames = new HashSet<string>();

        private InheritedMembers()
        {
        }

        public static InheritedMembers Of(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
        {
            var inherited = new InheritedMembers();
            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                foreach (var member in baseType.GetMembers())
                {
                    if (!member.CanBeReferencedByName || !compilation.IsSymbolAccessibleWithin(member, type))
                    {
                        continue;
                    }

                    if (member is IMethodSymbol method)
                    {
                        inherited._methodSignatures.Add(MethodSignature.Of(method));
                    }
                    else
                    {
                        inherited._otherMemberNames.Add(member.Name);
                    }
                }

                // A base record in this compilation does not have its generated methods yet; predict them.
                if (GeneratesWithInSource(baseType))
                {
                    var baseMembers = MemberCollector.Collect(baseType, compilation, cancellationToken);
                    if (baseMembers.Count > 0)
                    {
                        foreach (var planned in PlannedMethod.For(baseMembers, compilation))
                        {
                            inherited._methodSignatures.Add(planned.Signature);
                        }
                    }
                }
            }

            return inherited;
        }

        /// <summary>Whether declaring <paramref name="method"/> hides something inherited.</summary>
        public bool AreHiddenBy(PlannedMethod method) =>
            _otherMemberNames.Contains(method.Name) || _methodSignatures.Contains(method.Signature);

        private static bool GeneratesWithInSource(INamedTypeSymbol type) =>
            type.IsRecord
            && type.DeclaringSyntaxReferences.Length > 0
            && type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == GenerateWithAttributeSource.MetadataName);
    }
}
