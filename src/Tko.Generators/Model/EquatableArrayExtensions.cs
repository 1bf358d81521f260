using System.Collections.Generic;
using System.Linq;

namespace Tko.Generators.Model
{
    /// <summary>Conversions into <see cref="EquatableArray{T}"/>.</summary>
    internal static class EquatableArrayExtensions
    {
        public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
            where T : System.IEquatable<T> => new EquatableArray<T>(items.ToArray());
    }
}
