namespace Tko.Generators.Model
{
    /// <summary>
    /// What a partial declaration needs to reopen a type: its keyword (for example <c>record struct</c>)
    /// and its escaped name with type parameters (for example <c>Box&lt;T&gt;</c>).
    /// </summary>
    internal readonly record struct TypeHeader(string Keyword, string Name);
}
