namespace Tko.Generators.Model
{
    /// <summary>Everything needed to write the <c>With</c> file for one record; holds no Roslyn objects.</summary>
    /// <param name="HintName">The unique generated file name.</param>
    /// <param name="Namespace">The escaped namespace, or <see langword="null"/> for the global namespace.</param>
    /// <param name="ContainingTypes">Enclosing types, outermost first.</param>
    /// <param name="Type">The record itself.</param>
    /// <param name="FullyQualifiedName">The <c>global::</c>-qualified type used as the return type.</param>
    /// <param name="UpdateHidesInherited">The <c>Update</c> method needs <c>new</c> because a base type has the same signature.</param>
    /// <param name="Members">The properties in parameter order.</param>
    internal sealed record WithTarget(
        string HintName,
        string? Namespace,
        EquatableArray<TypeHeader> ContainingTypes,
        TypeHeader Type,
        string FullyQualifiedName,
        bool UpdateHidesInherited,
        EquatableArray<WithMember> Members);
}
