namespace Tko.Generators.Model
{
    /// <summary>Immutable collection shapes that get an <c>Add…</c> method.</summary>
    internal enum AppendableKind
    {
        None,
        ImmutableArray,
        ImmutableList,
    }
}
