namespace Tko.Testing;

/// <summary>
/// Lists every object under a directory, hidden ones included, without descending into symlinked
/// directories: .NET's recursive enumeration on Unix follows them, which counts a linked tree twice.
/// </summary>
public static class DirectoryListing
{
    /// <summary>Full paths of all files, directories and symlinks below <paramref name="root"/>, depth first.</summary>
    public static IEnumerable<string> Walk(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        var everything = new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false };
        while (pending.Count > 0)
        {
            foreach (string path in Directory.EnumerateFileSystemEntries(pending.Pop(), "*", everything))
            {
                yield return path;
                if (new FileInfo(path).LinkTarget is null && Directory.Exists(path)) pending.Push(path);
            }
        }
    }
}
