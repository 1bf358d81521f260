namespace Tko.Properties.Trees;

/// <summary>
/// Writes a generated tree to disk in an order and with timestamps chosen by a seed, so two
/// copies of one tree differ in everything a reproducible layer must ignore.
/// </summary>
public static class TreeMaterializer
{
    public static void Write(TreeSpec tree, string root, int seed)
    {
        var random = new Random(seed);
        TreeNode[] order = tree.Nodes.OrderBy(_ => random.Next()).ToArray();
        foreach (TreeNode node in order)
        {
            string path = Path.Combine(root, node.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            switch (node.Kind)
            {
                case TreeNodeKind.Directory:
                    Directory.CreateDirectory(path);
                    break;
                case TreeNodeKind.File:
                    File.WriteAllBytes(path, FileContent.For(node.ContentSeed, node.Size));
                    break;
                case TreeNodeKind.Symlink:
                    File.CreateSymbolicLink(path, node.LinkTarget!);
                    break;
            }
        }
        // Modes and times last: writing children would change a directory's times, and a 0700 parent is still writable by the owner.
        foreach (TreeNode node in order.Where(n => n.Kind != TreeNodeKind.Symlink))
        {
            string path = Path.Combine(root, node.Path);
            File.SetUnixFileMode(path, node.Mode);
            DateTime time = DateTime.UnixEpoch.AddSeconds(random.NextInt64(0, 4_000_000_000));
            File.SetLastWriteTimeUtc(path, time);
            File.SetLastAccessTimeUtc(path, time.AddSeconds(random.Next(1, 100_000)));
        }
    }
}
