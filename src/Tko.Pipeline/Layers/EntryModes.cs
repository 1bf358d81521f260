using System.Collections.Immutable;

namespace Tko.Layers;

/// <summary>
/// Works out each entry's permission bits from <see cref="FileModes"/>: a pure function of the entry's
/// kind, its bits on disk and its path below SOURCE.
/// </summary>
internal sealed class EntryModes
{
    private const UnixFileMode Directory = (UnixFileMode)0b111_101_101;   // 0755
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;  // 0755
    private const UnixFileMode Plain = (UnixFileMode)0b110_100_100;       // 0644
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly bool _keep;
    private readonly ImmutableArray<(UnixFileMode Mode, PathGlob Paths)> _rules;

    public EntryModes(FileModes modes)
    {
        _keep = modes.Keep;
        _rules = [.. modes.Rules.Select(rule => (rule.Mode, new PathGlob(rule.Globs)))];
    }

    /// <summary>The bits of the source root, which becomes the destination directory (rules do not name it).</summary>
    public UnixFileMode ForRoot(UnixFileMode onDisk) => _keep ? onDisk : Directory;

    /// <summary>The bits of a directory or regular file at <paramref name="relativePath"/> below SOURCE.</summary>
    public UnixFileMode For(FileKind kind, UnixFileMode onDisk, string relativePath)
    {
        // The last matching rule wins, as later --chmod flags override earlier ones.
        for (int i = _rules.Length - 1; i >= 0; i--)
            if (_rules[i].Paths.Matches(relativePath))
                return _rules[i].Mode;
        if (_keep) return onDisk;
        return kind == FileKind.Directory ? Directory : (onDisk & AnyExecute) != 0 ? Executable : Plain;
    }
}
