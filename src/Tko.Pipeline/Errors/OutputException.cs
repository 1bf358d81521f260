namespace Tko;

/// <summary>The build's output cannot be written where it was asked to go.</summary>
public sealed class OutputException : TkoException
{
    /// <summary>The output path at fault.</summary>
    public string Path { get; }

    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public OutputException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner ?? new IOException(problem)) => Path = path;
}
