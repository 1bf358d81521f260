using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// Sets the permission bits of every source entry whose path matches one of <paramref name="Globs"/>,
/// as <c>--chmod MODE=GLOB[,GLOB…]</c> does. Paths are relative to SOURCE with <c>/</c> between names;
/// <c>*</c> matches within one name, <c>**</c> any number of directories, as in MSBuild items.
/// </summary>
/// <param name="Mode">The bits to set, up to <c>07777</c> (setuid, setgid and sticky included).</param>
/// <param name="Globs">The paths it applies to; a directory's rule does not reach the entries below it.</param>
[GenerateWith]
public sealed partial record ModeRule(UnixFileMode Mode, ImmutableList<string> Globs)
{
    private const int AllModeBits = 0b111_111_111_111; // 07777

    /// <summary>
    /// Parses <c>MODE=GLOB[,GLOB…]</c> with MODE in octal (<c>600</c>, <c>0755</c>, <c>4755</c>); throws
    /// <see cref="FormatException"/> quoting the input otherwise.
    /// </summary>
    public static ModeRule Parse(string text)
    {
        int equals = text.IndexOf('=');
        if (equals < 0)
            throw new FormatException($"'{text}' is not MODE=GLOB[,GLOB…]; write e.g. 0600=secrets/*.key");
        string mode = text[..equals].Trim();
        if (mode.Length is 0 or > 5 || !mode.All(c => c is >= '0' and <= '7') || Convert.ToInt32(mode, 8) > AllModeBits)
            throw new FormatException($"'{mode}' in '{text}' is not an octal mode from 0000 to 7777, such as 0600 or 0755");
        ImmutableList<string> globs = [.. text[(equals + 1)..].Split(',').Select(g => g.Trim())];
        if (globs.Any(g => g.Length == 0))
            throw new FormatException($"'{text}' has an empty glob; write MODE=GLOB[,GLOB…], e.g. 0755=bin/*");
        return new ModeRule((UnixFileMode)Convert.ToInt32(mode, 8), globs);
    }

    /// <summary>The rule as <c>MODE=GLOB,GLOB</c> with a four-digit octal mode.</summary>
    public override string ToString() => $"{Convert.ToString((int)Mode, 8).PadLeft(4, '0')}={string.Join(',', Globs)}";
}
