using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Tko.Generators.Extraction
{
    /// <summary>
    /// A method the generator intends to write, with its C# signature, so it can be checked against
    /// existing and inherited members before any code is produced.
    /// </summary>
    internal sealed class PlannedMethod
    {
        private PlannedMethod(string name, IEnumerable<ITypeSymbol> parameterTypes, IPropertySymbol? property)
        {
            Name = name;
            Signature = MethodSignature.Of(name, 0, parameterTypes.Select(t => (RefKind.None, t)));
            Property = property;
        }

        public string Name { get; }

        public string Signature { get; }

        /// <summary>The property a <c>With…</c>/<c>Add…</c> method serves; <see langword="null"/> for <c>Update</c>.</summary>
        public IPropertySymbol? Property { get; }

        public static PlannedMethod Update(IEnumerable<IPropertySymbol> members) =>
            new PlannedMethod("Update", members.Select(m => m.Type), null);

        public static PlannedMethod With(IPropertySymbol member) =>
            new PlannedMethod("With" + CSharpIdentifier.ToMethodSuffix(member.Name), new[] { member.Type }, member);

        public static PlannedMethod Add(IPropertySymbol member, ITypeSymbol elementType, Compilation compilation) =>
            new PlannedMethod("Add" + CSharpIdentifier.ToMethodSuffix(member.Name), new ITypeSymbol[] { compilation.CreateArrayTypeSymbol(elementType) }, member);

        /// <summary>Every method generated for <paramref name="members"/>: <c>Update</c>, then each <c>With…</c> and <c>Add…</c>.</summary>
        public static List<PlannedMethod> For(IReadOnlyList<IPropertySymbol> members, Compilation compilation)
        {
            var methods = new List<PlannedMethod> { Update(members) };
            foreach (var member in members)
            {
                methods.Add(With(member));
                if (AppendableCollection.Classify(member.Type, out var elementType) != Model.AppendableKind.None)
                {
                    methods.Add(Add(member, elementType!, compilation));
                }
            }

            return methods;
        }
    }
}
