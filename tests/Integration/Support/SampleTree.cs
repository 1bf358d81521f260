using System.Text;

namespace Tko.Integration.Support;

/// <summary>
/// A source tree holding every kind of entry a layer must carry faithfully: exec and private
/// files, dot files, empty and private directories, a unicode name, a name and a path longer than
/// ustar's 100-byte name field, symlinks (plain, dangling, and with text over 100 bytes),
/// compressible text and incompressible bytes.
/// </summary>
public static class SampleTree
{
    public static readonly string UnicodeName = "日本語-naïve 😀.txt";
    public static readonly string LongName = new('n', 150);
    public static readonly string NestedLongPath = $"nested/{new string('a', 60)}/{new string('b', 60)}/file.txt";
    public static readonly string LongLinkTarget = "/very/" + new string('t', 120);

    private const UnixFileMode Mode755 = (UnixFileMode)0b111_101_101;
    private const UnixFileMode Mode750 = (UnixFileMode)0b111_101_000;
    private const UnixFileMode Mode700 = (UnixFileMode)0b111_000_000;
    private const UnixFileMode Mode644 = (UnixFileMode)0b110_100_100;
    private const UnixFileMode Mode640 = (UnixFileMode)0b110_100_000;
    private const UnixFileMode Mode600 = (UnixFileMode)0b110_000_000;

    /// <summary>Writes the tree into <paramref name="root"/> (created if needed); <paramref name="variant"/> changes one file's content.</summary>
    public static void Write(string root, string variant = "")
    {
        Directory.CreateDirectory(root);
        File(root, "app", Encoding.UTF8.GetBytes($"#!/bin/sh\necho tko {variant}\n"), Mode755);
        File(root, ".env", "SECRET=1\n"u8.ToArray(), Mode600);
        File(root, "lib/data.bin", RandomBytes(300_000), Mode644);
        File(root, "lib/words.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("tko builds reproducible layers; ", 8_000))), Mode644);
        File(root, "lib/tool", "#!/bin/sh\n"u8.ToArray(), Mode750);
        File(root, "private/notes.txt", "notes\n"u8.ToArray(), Mode640);
        File(root, UnicodeName, "unicode\n"u8.ToArray(), Mode644);
        File(root, "long/" + LongName, "long name\n"u8.ToArray(), Mode644);
        File(root, NestedLongPath, "long path\n"u8.ToArray(), Mode644);
        File(root, "empty-file", [], Mode644);
        Directory.CreateDirectory(Path.Combine(root, "empty"));
        Symlink(root, "link-to-app", "app");
        Symlink(root, "dangling", "../nowhere/missing");
        Symlink(root, "long-link", LongLinkTarget);

        // Directory modes last, once nothing more is written into them.
        foreach (string directory in new[] { "lib", "long", "nested", "empty" }.Concat(NestedDirectories()))
            System.IO.File.SetUnixFileMode(Path.Combine(root, directory), Mode755);
        System.IO.File.SetUnixFileMode(Path.Combine(root, "private"), Mode700);
        System.IO.File.SetUnixFileMode(root, Mode755);
    }

    private static IEnumerable<string> NestedDirectories()
    {
        string parent = Path.GetDirectoryName(NestedLongPath)!;
        for (string? d = parent; !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
            yield return d;
    }

    private static void File(string root, string relative, byte[] content, UnixFileMode mode)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        System.IO.File.SetUnixFileMode(path, mode);
    }

    private static void Symlink(string root, string relative, string target)
    {
        string path = Path.Combine(root, relative);
        System.IO.File.Delete(path);
        System.IO.File.CreateSymbolicLink(path, target);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
