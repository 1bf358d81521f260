namespace Tko.Properties.Trees;

public enum TreeNodeKind { Directory, File, Symlink }
