namespace Tko.Properties.Trees;

/// <summary>
/// Writes a generated tree as a checkout made under a given umask would leave it: git records only
/// whether a file is executable, and creates files 0777 or 0666 and directories 0777, less the umask.
/// The modes are set with chmod rather than by changing the umask, which is one per process and
/// would reach every test running beside this one.
/// </summary>
public static class CheckoutUnderUmask
{
    private const int Executable = 0b111_111_111, Plain = 0b110_110_110;

    public static void Write(TreeSpec tree, string root, int seed, int umask)
    {
        TreeMaterializer.Write(tree, root, seed);
        File.SetUnixFileMode(root, (UnixFileMode)(Executable & ~umask));
        foreach (TreeNode node in tree.Nodes.Where(n => n.Kind != TreeNodeKind.Symlink))
        {
            bool executable = node.Kind == TreeNodeKind.Directory || (node.Mode & UnixFileMode.UserExecute) != 0;
            File.SetUnixFileMode(Path.Combine(root, node.Path), (UnixFileMode)((executable ? Executable : Plain) & ~umask));
        }
    }
}
