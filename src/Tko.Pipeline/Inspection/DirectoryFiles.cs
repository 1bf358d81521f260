namespace Tko.Inspection;

/// <summary>The files of an OCI image layout directory.</summary>
internal sealed class DirectoryFiles(string root) : ILayoutFiles
{
    public bool Exists(string name) => File.Exists(Path.Combine(root, name));

    public Stream Open(string name) =>
        new FileStream(Path.Combine(root, name), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    public void Dispose() { }
}
