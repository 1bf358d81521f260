namespace Tko.Generators.Model
{
    /// <summary>One property that <c>Update</c> and its <c>With…</c> method cover.</summary>
    /// <param name="PropertyName">The property name as declared, without <c>@</c>.</param>
    /// <param name="MethodSuffix">The name after <c>With</c>/<c>Add</c>: the property name with a capital first letter.</param>
    /// <param name="ParameterName">The camelCased parameter name, without <c>@</c>.</param>
    /// <param name="TypeName">The fully qualified property type, nullable annotations included.</param>
    /// <param name="Appendable">Whether the property is an immutable collection that gets an <c>Add…</c> method.</param>
    /// <param name="ElementTypeName">The collection element type when <paramref name="Appendable"/> is set.</param>
    /// <param name="IsInherited">Declared by a base type, where a doc <c>cref</c> from this type cannot reach it.</param>
    /// <param name="WithHidesInherited">The <c>With…</c> method needs <c>new</c> because a base type has the same signature.</param>
    /// <param name="AddHidesInherited">The <c>Add…</c> method needs <c>new</c> for the same reason.</param>
    /// <param name="SequenceWithHidesInherited">The <c>With…(IEnumerable&lt;…&gt;)</c> overload needs <c>new</c> for the same reason.</param>
    /// <param name="Map">Whether the property is an immutable dictionary whose <c>With…</c> also takes key/value pairs.</param>
    /// <param name="KeyTypeName">The dictionary's key type when <paramref name="Map"/> is set.</param>
    /// <param name="ValueTypeName">The dictionary's value type when <paramref name="Map"/> is set.</param>
    /// <param name="OrdinalKeys">A sorted dictionary with string keys, built with the ordinal comparer rather than the culture's.</param>
    internal sealed record WithMember(
        string PropertyName,
        string MethodSuffix,
        string ParameterName,
        string TypeName,
        AppendableKind Appendable,
        string? ElementTypeName,
        bool IsInherited,
        bool WithHidesInherited,
        bool AddHidesInherited,
        bool SequenceWithHidesInherited,
        MapKind Map,
        string? KeyTypeName,
        string? ValueTypeName,
        bool OrdinalKeys);
}
