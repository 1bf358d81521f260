using Tko.FileSystem;

namespace Tko.Inspection;

/// <summary>The files of an OCI image layout directory, read without following links out of it.</summary>
internal sealed class DirectoryFiles(string root, string shown) : ILayoutFiles
{
    public bool Exists(string name) => ContainedFile.Exists(root, name);

    public Stream Open(string name) => ContainedFile.Open(root, name, shown);

    public void Dispose() { }
}
