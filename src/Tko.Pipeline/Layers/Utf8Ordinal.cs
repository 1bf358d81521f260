using System.Text;

namespace Tko.Layers;

/// <summary>
/// Orders strings by their UTF-8 bytes, the order Go and GNU tar --sort=name use. UTF-16 ordinal
/// order differs for characters beyond the Basic Multilingual Plane.
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
