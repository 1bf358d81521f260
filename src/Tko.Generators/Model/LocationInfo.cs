using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Tko.Generators.Model
{
    /// <summary>
    /// A source position kept as plain values: a <see cref="Location"/> would pin the syntax tree
    /// and defeat incremental caching.
    /// </summary>
    internal readonly record struct LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
    {
        public static LocationInfo? From(Location? location)
        {
            if (location is null || location.SourceTree is null)
            {
                return null;
            }

            return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
        }

        public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);
    }
}
