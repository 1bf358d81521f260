namespace Tko.Integration.Layers;

/// <summary>Builds a <see cref="SourceSnapshot"/> without touching the disk, for planner examples.</summary>
public static class SyntheticSnapshot
{
    public const string Root = "/src";

    public static SourceSnapshot Of(UnixFileMode rootMode, params SourceEntry[] entries) => new(Root, rootMode, [.. entries]);

    public static SourceEntry File(string relative, int mode = 0b110_100_100, long size = 1) =>
        new(relative, $"{Root}/{relative}", FileKind.Regular, (UnixFileMode)mode, size, null);

    public static SourceEntry Directory(string relative, int mode = 0b111_101_101) =>
        new(relative, $"{Root}/{relative}", FileKind.Directory, (UnixFileMode)mode, 0, null);

    public static SourceEntry Symlink(string relative, string target) =>
        new(relative, $"{Root}/{relative}", FileKind.Symlink, (UnixFileMode)0b111_111_111, 0, target);

    public static string[] Names(IEnumerable<LayerEntry> entries) => [.. entries.Select(e => e.Name)];
}
