using System.Collections.Immutable;

namespace Tko.Inspection;

/// <summary>
/// Recognises two builds of one tree made under different umasks: every cause is a layer entry's
/// mode, and each pair of modes differs in group or other write bits only.
/// </summary>
internal static class UmaskHint
{
    private const int GroupAndOtherWrite = 0b000_010_010; // 022

    public const string Text = "only group/other write bits differ: built under different umasks? tko normalises modes unless --keep-modes (or BuildSpec.Modes) keeps them";

    public static string? For(ImmutableList<Difference> causes) =>
        causes.Count > 0 && causes.All(OnlyWriteBitsOfAMode) ? Text : null;

    private static bool OnlyWriteBitsOfAMode(Difference d) =>
        d is { Part: DifferencePart.Layer, Kind: DifferenceKind.Changed, Field: "mode" }
        && Octal(d.A) is { } a && Octal(d.B) is { } b
        && ((a ^ b) & ~GroupAndOtherWrite) == 0;

    private static int? Octal(string? mode)
    {
        if (mode is null || mode.Length is 0 or > 6 || !mode.All(c => c is >= '0' and <= '7')) return null;
        return Convert.ToInt32(mode, 8);
    }
}
