using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// Which permission bits the layer's entries get. By default they are normalised, so the digest does
/// not depend on the builder's umask or checkout: directories 0755, files with any execute bit 0755,
/// other files 0644, no setuid, setgid or sticky bit, symlinks as they are. <see cref="Keep"/> takes
/// each entry's bits from disk instead. <see cref="Rules"/> then set the modes of matching paths,
/// later rules winning over earlier ones and over both defaults.
/// </summary>
/// <param name="Keep">True to keep each entry's bits from disk (<c>--keep-modes</c>).</param>
/// <param name="Rules">Modes set by path (<c>--chmod</c>), applied in order; they never change a symlink.</param>
[GenerateWith]
public sealed partial record FileModes(bool Keep, ImmutableList<ModeRule> Rules)
{
    /// <summary>The default: every entry's bits normalised, no rules.</summary>
    public static FileModes Normalised { get; } = new(false, []);

    /// <summary>Every entry keeps its bits from disk, no rules.</summary>
    public static FileModes Kept { get; } = new(true, []);
}
