using System.Linq;
using Tko.Generators.Model;

namespace Tko.Generators.Emission
{
    /// <summary>
    /// Writes <c>Update</c>, which returns <c>this</c> when nothing changes, plus one <c>With…</c> per member
    /// delegating to it and, per immutable array or list, a <c>With…</c> overload taking any sequence
    /// (so F# lists and LINQ results need no conversion) and an <c>Add…</c>; per immutable dictionary,
    /// a <c>With…</c> overload taking any key/value pairs (so an F# <c>Map</c> or <c>dict</c> passes).
    /// </summary>
    internal static class WithMethodWriter
    {
        private const string Comparer = "global::System.Collections.Generic.EqualityComparer<{0}>.Default";

        public static void Write(IndentedWriter writer, WithTarget target)
        {
            WriteUpdate(writer, target);
            foreach (var member in target.Members)
            {
                writer.Line();
                WriteWith(writer, target, member);
                if (member.Appendable != AppendableKind.None)
                {
                    writer.Line();
                    WriteSequenceWith(writer, target, member);
                    writer.Line();
                    WriteAdd(writer, target, member);
                }
                else if (member.Map != MapKind.None)
                {
                    writer.Line();
                    WriteMapWith(writer, target, member);
                }
            }
        }

        private static void WriteUpdate(IndentedWriter writer, WithTarget target)
        {
            var members = target.Members;
            writer.Line("/// <summary>");
            writer.Line("/// Returns this instance when every argument equals the current value; otherwise a copy holding the arguments.");
            writer.Line("/// </summary>");
            foreach (var member in members)
            {
                writer.Line($"/// <param name=\"{member.ParameterName}\">The value for {Reference(member)}.</param>");
            }

            var parameters = string.Join(", ", members.Select(m => m.TypeName + " " + Parameter(m)));
            writer.Open($"public {New(target.UpdateHidesInherited)}{target.FullyQualifiedName} Update({parameters})");

            for (var i = 0; i < members.Count; i++)
            {
                var member = members[i];
                var comparison = string.Format(Comparer, member.TypeName) + $".Equals({Parameter(member)}, this.{Property(member)})";
                if (i == 0)
                {
                    writer.Line("if (" + comparison + (members.Count == 1 ? ")" : string.Empty));
                }
                else
                {
                    writer.Indent();
                    writer.Line("&& " + comparison + (i == members.Count - 1 ? ")" : string.Empty));
                    writer.Outdent();
                }
            }

            writer.OpenBrace();
            writer.Line("return this;");
            writer.Close();
            writer.Line();
            writer.Line("return this with");
            writer.OpenBrace();
            foreach (var member in members)
            {
                writer.Line($"{Property(member)} = {Parameter(member)},");
            }

            writer.Close("};");
            writer.Close();
        }

        private static void WriteWith(IndentedWriter writer, WithTarget target, WithMember member)
        {
            var arguments = string.Join(", ", target.Members.Select(m => ReferenceEquals(m, member) ? Parameter(m) : "this." + Property(m)));
            writer.Line($"/// <summary>Returns a copy with {Reference(member)} set to <paramref name=\"{member.ParameterName}\"/>, or this instance when it already has that value.</summary>");
            writer.Line($"/// <param name=\"{member.ParameterName}\">The new value for {Reference(member)}.</param>");
            writer.Line($"public {New(member.WithHidesInherited)}{target.FullyQualifiedName} With{member.MethodSuffix}({member.TypeName} {Parameter(member)}) => this.Update({arguments});");
        }

        private static void WriteSequenceWith(IndentedWriter writer, WithTarget target, WithMember member)
        {
            var element = member.ElementTypeName;
            var immutable = "global::System.Collections.Immutable.";
            var create = member.Appendable == AppendableKind.ImmutableArray
                ? $"{immutable}ImmutableArray.CreateRange<{element}>({Parameter(member)})"
                : $"{immutable}ImmutableList.CreateRange<{element}>({Parameter(member)})";

            // A nullable collection property takes a nullable sequence: null stays null.
            var nullable = member.TypeName.EndsWith("?");
            var parameterType = $"global::System.Collections.Generic.IEnumerable<{element}>" + (nullable ? "?" : string.Empty);
            var value = nullable ? $"{Parameter(member)} is null ? null : {create}" : create;

            writer.Line($"/// <summary>Returns a copy with {Reference(member)} holding the elements of <paramref name=\"{member.ParameterName}\"/>, in order.</summary>");
            writer.Line($"/// <param name=\"{member.ParameterName}\">The new elements of {Reference(member)}.</param>");
            writer.Line($"public {New(member.SequenceWithHidesInherited)}{target.FullyQualifiedName} With{member.MethodSuffix}({parameterType} {Parameter(member)}) => this.With{member.MethodSuffix}(({member.TypeName})({value}));");
        }

        private static void WriteMapWith(IndentedWriter writer, WithTarget target, WithMember member)
        {
            var pair = $"global::System.Collections.Generic.KeyValuePair<{member.KeyTypeName}, {member.ValueTypeName}>";
            var factory = member.Map == MapKind.ImmutableSortedDictionary ? "ImmutableSortedDictionary" : "ImmutableDictionary";

            // Sorted string keys follow ordinal order, as OCI documents and Go do, not the current culture's.
            var comparer = member.OrdinalKeys ? "global::System.StringComparer.Ordinal, " : string.Empty;
            var create = $"global::System.Collections.Immutable.{factory}.CreateRange<{member.KeyTypeName}, {member.ValueTypeName}>({comparer}{Parameter(member)})";

            // A nullable dictionary property takes a nullable sequence: null stays null.
            var nullable = member.TypeName.EndsWith("?");
            var parameterType = $"global::System.Collections.Generic.IEnumerable<{pair}>" + (nullable ? "?" : string.Empty);
            var value = nullable ? $"{Parameter(member)} is null ? null : {create}" : create;

            writer.Line($"/// <summary>Returns a copy with {Reference(member)} holding the entries of <paramref name=\"{member.ParameterName}\"/>; a key given twice with different values throws.</summary>");
            writer.Line($"/// <param name=\"{member.ParameterName}\">The new entries of {Reference(member)}.</param>");
            writer.Line($"public {New(member.SequenceWithHidesInherited)}{target.FullyQualifiedName} With{member.MethodSuffix}({parameterType} {Parameter(member)}) => this.With{member.MethodSuffix}(({member.TypeName})({value}));");
        }

        private static void WriteAdd(IndentedWriter writer, WithTarget target, WithMember member)
        {
            var element = member.ElementTypeName;
            var property = "this." + Property(member);
            var immutable = "global::System.Collections.Immutable.";

            // A default ImmutableArray (or a null list) is treated as empty rather than throwing.
            var appended = member.Appendable == AppendableKind.ImmutableArray
                ? $"({property}.IsDefault ? {immutable}ImmutableArray<{element}>.Empty : {property}).AddRange({immutable}ImmutableArray.Create<{element}>(items))"
                : $"({property} ?? {immutable}ImmutableList<{element}>.Empty).AddRange(items)";

            writer.Line($"/// <summary>Returns a copy with <paramref name=\"items\"/> appended to {Reference(member)}, or this instance when <paramref name=\"items\"/> is empty.</summary>");
            writer.Line("/// <param name=\"items\">The elements to append.</param>");
            writer.Open($"public {New(member.AddHidesInherited)}{target.FullyQualifiedName} Add{member.MethodSuffix}(params {element}[] items)");
            writer.Open("if (items is null)");
            writer.Line("throw new global::System.ArgumentNullException(nameof(items));");
            writer.Close();
            writer.Line();
            writer.Open("if (items.Length == 0)");
            writer.Line("return this;");
            writer.Close();
            writer.Line();
            writer.Line($"return this.With{member.MethodSuffix}({appended});");
            writer.Close();
        }

        private static string Reference(WithMember member) =>
            member.IsInherited ? $"<c>{member.PropertyName}</c>" : $"<see cref=\"{Property(member)}\"/>";

        private static string Property(WithMember member) => Extraction.CSharpIdentifier.Escape(member.PropertyName);

        private static string Parameter(WithMember member) => Extraction.CSharpIdentifier.Escape(member.ParameterName);

        private static string New(bool hides) => hides ? "new " : string.Empty;
    }
}
