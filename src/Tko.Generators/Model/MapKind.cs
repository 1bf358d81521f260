namespace Tko.Generators.Model
{
    /// <summary>Immutable dictionary shapes whose <c>With…</c> also takes any sequence of key/value pairs.</summary>
    internal enum MapKind
    {
        None,
        ImmutableDictionary,
        ImmutableSortedDictionary,
    }
}
