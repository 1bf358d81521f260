using System.Text;

namespace Tko.Properties.Trees;

/// <summary>
/// Orders strings by their UTF-8 bytes (Go's string order), written apart
/// from the planner so the expected order is not taken from the code under test.
/// </summary>
public sealed class Utf8Ordinal : IComparer<string>
{
    /// <summary>The single instance.</summary>
    public static readonly Utf8Ordinal Instance = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        return Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y));
    }
}
