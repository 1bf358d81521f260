namespace Tko.Inspection;

/// <summary>The files of an image on disk, by their path inside it: a directory, or the members of a tarball.</summary>
internal interface ILayoutFiles : IDisposable
{
    /// <summary>True when the file is there.</summary>
    bool Exists(string name);

    /// <summary>The file's bytes as a stream; the caller disposes it.</summary>
    Stream Open(string name);
}
