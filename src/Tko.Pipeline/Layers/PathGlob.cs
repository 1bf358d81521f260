using Microsoft.Extensions.FileSystemGlobbing;

namespace Tko.Layers;

/// <summary>
/// A set of globs over paths relative to SOURCE (<c>/</c>-separated), matched case-sensitively as Linux
/// names are: <c>*</c> within one name, <c>**</c> across directories, as MSBuild and the .NET SDK match items.
/// </summary>
internal sealed class PathGlob
{
    private readonly Matcher _matcher = new(StringComparison.Ordinal);

    public PathGlob(IEnumerable<string> globs) => _matcher.AddIncludePatterns(globs);

    public bool Matches(string relativePath) => _matcher.Match(relativePath).HasMatches;
}
