using Tko.Testing;
using Xunit;

namespace Tko.Integration.Support;

/// <summary>Compares two directory trees object by object: kind, permission bits, file content and symlink text.</summary>
public static class TreeComparison
{
    public static void AssertSame(string expectedRoot, string actualRoot)
    {
        var problems = new List<string>();
        SortedSet<string> expected = Listing(expectedRoot), actual = Listing(actualRoot);
        problems.AddRange(expected.Except(actual).Select(p => $"{p}: missing"));
        problems.AddRange(actual.Except(expected).Select(p => $"{p}: unexpected"));
        problems.AddRange(Compare(new DirectoryInfo(expectedRoot), new DirectoryInfo(actualRoot), "."));
        foreach (string path in expected.Intersect(actual))
            problems.AddRange(Compare(Info(Path.Combine(expectedRoot, path)), Info(Path.Combine(actualRoot, path)), path));
        Assert.True(problems.Count == 0, $"{actualRoot} differs from {expectedRoot}:\n  " + string.Join("\n  ", problems));
    }

    private static SortedSet<string> Listing(string root) => new(
        DirectoryListing.Walk(root).Select(p => Path.GetRelativePath(root, p)),
        StringComparer.Ordinal);

    private static FileSystemInfo Info(string path)
    {
        var file = new FileInfo(path);
        return file.LinkTarget is null && Directory.Exists(path) ? new DirectoryInfo(path) : file;
    }

    private static IEnumerable<string> Compare(FileSystemInfo expected, FileSystemInfo actual, string path)
    {
        string Kind(FileSystemInfo i) => i.LinkTarget is not null ? "symlink" : i is DirectoryInfo ? "directory" : "file";
        if (Kind(expected) != Kind(actual))
        {
            yield return $"{path}: is a {Kind(actual)}, expected a {Kind(expected)}";
            yield break;
        }
        if (expected.LinkTarget is not null)
        {
            if (expected.LinkTarget != actual.LinkTarget)
                yield return $"{path}: links to '{actual.LinkTarget}', expected '{expected.LinkTarget}'";
            yield break;
        }
        if (expected.UnixFileMode != actual.UnixFileMode)
            yield return $"{path}: mode {Octal(actual.UnixFileMode)}, expected {Octal(expected.UnixFileMode)}";
        if (expected is FileInfo && !File.ReadAllBytes(expected.FullName).AsSpan().SequenceEqual(File.ReadAllBytes(actual.FullName)))
            yield return $"{path}: content differs";
    }

    public static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
