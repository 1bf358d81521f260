namespace Tko;

/// <summary>The source tree cannot become a layer: missing, not a directory, unreadable or holding a file type a layer cannot carry.</summary>
public sealed class SourceException : TkoException
{
    /// <summary>The path in the source tree that is at fault.</summary>
    public string Path { get; }

    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public SourceException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner ?? new IOException(problem)) => Path = path;
}
