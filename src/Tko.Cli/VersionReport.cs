using System.Runtime.InteropServices;

namespace Tko.Cli;

/// <summary>
/// What <c>tko version -v</c> prints: tko's version, then one <c>name: version (where)</c> line for
/// the .NET runtime and for each compressor that can make layer bytes, as actually loaded, since
/// the compressed bytes (and so layer digests) depend on the compressor's code.
/// </summary>
internal static class VersionReport
{
    /// <summary>
    /// The loaded components, each found on demand. A new compressor is one more entry here,
    /// reporting the library it really loaded.
    /// </summary>
    private static readonly Func<string>[] Components = [Runtime, ZlibNg, Zstd];

    public static IEnumerable<string> Lines(bool verbose) =>
        verbose ? [ToolVersion.Text, .. Components.Select(component => component())] : [ToolVersion.Text];

    private static string Runtime() =>
        $".NET runtime: {Environment.Version} ({RuntimeInformation.RuntimeIdentifier})";

    private static string ZlibNg() =>
        LoadedZlibNg.Find() is var (version, file)
            ? $"zlib-ng: {version} ({(Path.GetFileName(file) == LoadedZlibNg.LibraryName ? file : $"linked into {file}")})"
            : $"zlib-ng: unknown (no loaded file carries zlib-ng's version banner)";

    /// <summary>zstd is ZstdSharp.Port, managed code compiled into tko: the zstd release it ports, and the port's version.</summary>
    private static string Zstd()
    {
        uint number = ZstdSharp.Unsafe.Methods.ZSTD_versionNumber();
        return $"zstd: {number / 10000}.{number / 100 % 100}.{number % 100} (ZstdSharp.Port {typeof(ZstdSharp.Compressor).Assembly.GetName().Version?.ToString(3)}, managed, in tko itself)";
    }
}
