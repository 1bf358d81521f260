
namespace Tko.FileSystem;

/// <summary>
/// Opens a file inside a directory of image files (an OCI layout) without following symbolic
/// links: every directory on the way must be a real directory and the file a regular file, so a
/// layout cannot make tko read something outside it (a blob linked to <c>/etc/shadow</c>) or block
/// on a fifo or device (an <c>index.json</c> that is <c>/dev/zero</c>). The root itself may be a link:
/// the user named it.
/// </summary>
internal static class ContainedFile
{
    /// <summary>True when something (of any kind, a link included) is at <paramref name="name"/> under <paramref name="root"/>.</summary>
    public static bool Exists(string root, string name)
    {
        try
        {
            Lstat.Of(Path.Combine(root, name));
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Opens <paramref name="name"/> (a relative path with '/' separators) for reading; errors name <paramref name="shown"/> and the file.</summary>
    public static FileStream Open(string root, string name, string shown)
    {
        string[] parts = name.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string path = root;
        for (int i = 0; i < parts.Length; i++)
        {
            path = Path.Combine(path, parts[i]);
            string sofar = string.Join('/', parts[..(i + 1)]);
            FileKind kind = Lstat.Of(path).Kind;
            FileKind wanted = i == parts.Length - 1 ? FileKind.Regular : FileKind.Directory;
            if (kind == FileKind.Symlink)
                throw new TkoException($"{shown}: {sofar} is a symbolic link; tko reads a layout's files only inside it and never through links, so replace the link with the file");
            if (kind != wanted)
                throw new TkoException($"{shown}: {sofar} is a {Describe(kind)}, not a {Describe(wanted)}; the layout is damaged");
        }
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "regular file",
        FileKind.Directory => "directory",
        FileKind.Symlink => "symbolic link",
        FileKind.Fifo => "named pipe",
        FileKind.Socket => "socket",
        FileKind.CharacterDevice => "character device",
        _ => "block device",
    };
}
