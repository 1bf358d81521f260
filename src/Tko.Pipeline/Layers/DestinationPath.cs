
namespace Tko;

/// <summary>Checks and normalises the absolute directory in the image that receives the source tree.</summary>
public static class DestinationPath
{
    /// <summary>The property an error names: the spec's destination path.</summary>
    public const string Property = "BuildSpec.DestPath";

    /// <summary>
    /// Returns the path's segments (empty for '/'). Rejects relative paths and '.' or '..'
    /// segments, which would make the layer's entry names ambiguous.
    /// </summary>
    public static IReadOnlyList<string> Segments(string destPath)
    {
        if (string.IsNullOrEmpty(destPath) || destPath[0] != '/')
            throw new OptionException(Property, $"'{destPath}' must be an absolute path in the image, such as /tko-app");
        string[] segments = destPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".."))
            throw new OptionException(Property, $"'{destPath}' must not contain '.' or '..' segments");
        if (destPath.Contains('\0'))
            throw new OptionException(Property, "must not contain a NUL character");
        return segments;
    }
}
