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
        private PlannedMethod(string name, params ITypeSymbol[] parameterTypes)
            : this(name, isSequenceOverload: false, parameterTypes)
        {
        }

        private PlannedMethod(string name, bool isSequenceOverload, params ITypeSymbol[] parameterTypes)
        {
            Name = name;
            IsSequenceOverload = isSequenceOverload;
            Signature = MethodSignature.Of(name, 0, parameterTypes.Select(t => (RefKind.None, t)));
        }

        public string Name { get; }

        /// <summary>The <c>With…(IEnumerable&lt;…&gt;)</c> overload of a collection's <c>With…</c>, which shares its name.</summary>
        public bool IsSequenceOverload { get; }

        public string Signature { get; }

        /// <summary>
        /// Every method generated for <paramref name="members"/>: <c>Update</c>, then each <c>With…</c>,
        /// for an immutable array or list a <c>With…(IEnumerable&lt;T&gt;)</c> overload and <c>Add…</c>,
        /// and for an immutable dictionary a <c>With…(IEnumerable&lt;KeyValuePair&lt;K, V&gt;&gt;)</c> overload.
        /// </summary>
        public static List<PlannedMethod> For(IReadOnlyList<IPropertySymbol> members, Compilation compilation)
        {
            var methods = new List<PlannedMethod> { new PlannedMethod("Update", members.Select(m => m.Type).ToArray()) };
            foreach (var member in members)
            {
                var suffix = CSharpIdentifier.ToMethodSuffix(member.Name);
                methods.Add(new PlannedMethod("With" + suffix, member.Type));
                if (AppendableCollection.Classify(member.Type, out var elementType) != Model.AppendableKind.None)
                {
                    var sequence = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T).Construct(elementType!);
                    methods.Add(new PlannedMethod("With" + suffix, isSequenceOverload: true, sequence));
                    methods.Add(new PlannedMethod("Add" + suffix, compilation.CreateArrayTypeSymbol(elementType!)));
                }
                else if (MapCollection.Classify(member.Type, out var keyType, out var valueType) != Model.MapKind.None)
                {
                    methods.Add(new PlannedMethod("With" + suffix, isSequenceOverload: true, MapCollection.PairSequence(compilation, keyType!, valueType!)));
                }
            }

            return methods;
        }
    }
}
