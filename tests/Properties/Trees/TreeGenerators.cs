using System.Collections.Immutable;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Tko.Properties.Trees;

/// <summary>
/// Random source trees: unicode, dot and long names (over 100 bytes, so ustar's prefix split and
/// PAX records are exercised), nested and empty directories, exec and non-exec modes, symlinks
/// with short and long targets, files from 0 bytes to a few MiB.
/// </summary>
public static class TreeGenerators
{
    private static readonly string[] PlainNames = ["app", "lib", "a", "B", "z.txt", ".hidden", ".env", "data.bin", "-dash", "x y", "naïve", "日本語", "emoji😀", "ẞig", "a.b.c", "UPPER", "ÅÄÖ"];

    private const int MaxTreeBytes = 6 << 20;

    public static Arbitrary<TreeSpec> Trees() => Arb.From(TreeGen());

    public static Gen<TreeSpec> TreeGen() =>
        from nodes in Directory("", depth: 0)
        select new TreeSpec(Budget(nodes).ToImmutableArray());

    private static Gen<string> Name() => Gen.Frequency(
        (8, Gen.Elements(PlainNames)),
        (1, Gen.Choose(101, 200).Select(n => new string('l', n))),                       // one segment beyond the ustar name field
        (1, Gen.Choose(20, 60).Select(n => string.Concat(Enumerable.Repeat("é", n)))),  // long in bytes, short in chars
        (1, Gen.Choose(1, 8).Select(n => "n" + n)));

    private static Gen<UnixFileMode> FileMode() =>
        Gen.Elements(0b110_100_100, 0b111_101_101, 0b110_000_000, 0b111_000_000, 0b100_100_100).Select(m => (UnixFileMode)m);

    private static Gen<int> Size() => Gen.Frequency(
        (2, Gen.Constant(0)),
        (5, Gen.Choose(1, 2_000)),
        (2, Gen.Choose(2_000, 200_000)),
        (1, Gen.Choose(200_000, 3 << 20)));

    private static Gen<List<TreeNode>> Directory(string path, int depth) =>
        from count in Gen.Choose(depth == 0 ? 1 : 0, depth == 0 ? 7 : 4)
        from names in Gen.ListOf(Name(), count)
        from children in Gen.CollectToList(Unique(names).Select(name => Child(path.Length == 0 ? name : $"{path}/{name}", depth)))
        select children.SelectMany(c => c).ToList();

    private static Gen<List<TreeNode>> Child(string path, int depth) => Gen.Frequency(
        (5, from mode in FileMode() from size in Size() from seed in Gen.Choose(0, int.MaxValue - 1)
            select new List<TreeNode> { new(path, TreeNodeKind.File, mode, size, seed, null) }),
        (1, from target in LinkTarget() select new List<TreeNode> { new(path, TreeNodeKind.Symlink, (UnixFileMode)0b111_111_111, 0, 0, target) }),
        (depth < 3 ? 2 : 0, from mode in Gen.Elements(0b111_101_101, 0b111_000_000, 0b111_111_101).Select(m => (UnixFileMode)m)
            from children in Directory(path, depth + 1)
            select children.Prepend(new TreeNode(path, TreeNodeKind.Directory, mode, 0, 0, null)).ToList()));

    private static Gen<string> LinkTarget() => Gen.Frequency(
        (3, Gen.Elements("app", "../lib", "/etc/hostname", "./a/b", "missing-target", "日本語")),
        (1, Gen.Choose(101, 180).Select(n => "/very/" + new string('t', n))));

    /// <summary>Names unique within a directory (a suffix keeps them apart; 255 bytes is the file system's limit).</summary>
    private static IEnumerable<string> Unique(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            string candidate = name;
            for (int i = 2; !seen.Add(candidate); i++) candidate = name + "-" + i;
            if (Encoding.UTF8.GetByteCount(candidate) <= 255) yield return candidate;
        }
    }

    /// <summary>Shrinks files so the whole tree stays a few MiB and the suite stays fast.</summary>
    private static IEnumerable<TreeNode> Budget(List<TreeNode> nodes)
    {
        long total = 0;
        foreach (TreeNode node in nodes)
        {
            int size = total + node.Size > MaxTreeBytes ? (int)(node.Size % 1000) : node.Size;
            total += size;
            yield return node with { Size = size };
        }
    }
}
