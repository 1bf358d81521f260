using System.IO.Compression;
using System.Text;

namespace Tko.Cli;

/// <summary>
/// The zlib-ng that this process compresses layers with, read from the native code actually
/// mapped: the runtime's <c>libSystem.IO.Compression.Native.so</c> (tool and self-contained
/// builds), or tko's own executable when no such library is mapped (Native AOT links zlib-ng in
/// statically). The runtime's shim exports no version function, so the version is the banner
/// zlib-ng compiles into its code (<c>" zlib-ng 2.2.5"</c>).
/// </summary>
internal static class LoadedZlibNg
{
    public const string LibraryName = "libSystem.IO.Compression.Native.so";

    private static readonly byte[] Banner = Encoding.ASCII.GetBytes(" zlib-ng ");

    /// <summary>zlib-ng's version and the file it was read from, or null when no mapped file carries the banner.</summary>
    public static (string Version, string File)? Find()
    {
        // Compress one byte so the runtime loads the native library before /proc/self/maps is read.
        using (var deflate = new DeflateStream(Stream.Null, CompressionLevel.Fastest))
            deflate.WriteByte(0);
        string? file = MappedLibrary(File.ReadLines("/proc/self/maps")) ?? Environment.ProcessPath;
        return file is not null && VersionIn(File.ReadAllBytes(file)) is { } version ? (version, file) : null;
    }

    /// <summary>The path of the mapped compression library in <c>/proc/self/maps</c> lines, if any.</summary>
    public static string? MappedLibrary(IEnumerable<string> mapsLines) =>
        mapsLines.Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..] : null)
                 .FirstOrDefault(path => path is not null && Path.GetFileName(path) == LibraryName);

    /// <summary>The version after the first <c>" zlib-ng "</c> that is followed by digits and dots up to a NUL.</summary>
    public static string? VersionIn(ReadOnlySpan<byte> image)
    {
        for (int at = image.IndexOf(Banner); at >= 0;)
        {
            ReadOnlySpan<byte> rest = image[(at + Banner.Length)..];
            int end = rest.IndexOfAnyExcept("0123456789."u8);
            if (end > 0 && rest[end] == 0 && char.IsAsciiDigit((char)rest[0]))
                return Encoding.ASCII.GetString(rest[..end]);
            int next = rest.IndexOf(Banner);
            at = next < 0 ? -1 : at + Banner.Length + next;
        }
        return null;
    }
}
