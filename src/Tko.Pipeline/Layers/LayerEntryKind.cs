namespace Tko;

/// <summary>The kinds of entry a tko layer holds. Hardlinks in the source are stored as regular files with their content.</summary>
public enum LayerEntryKind
{
    /// <summary>A directory.</summary>
    Directory,
    /// <summary>A regular file with content read from the source.</summary>
    File,
    /// <summary>A symbolic link whose text is stored as written.</summary>
    Symlink,
}
