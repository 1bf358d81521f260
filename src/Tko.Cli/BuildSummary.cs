using System.Globalization;
using Tko.Model;

namespace Tko.Cli;

/// <summary>The one line on stderr that tells a person what a build made.</summary>
internal static class BuildSummary
{
    public static string Describe(BuildResult result, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"tko: wrote {result.OutputPath}: layer {result.Layer.Digest.Hex[..12]} {Megabytes(result.Layer.Size)} MB from {Megabytes(result.Layer.UncompressedSize)} MB of tar, {result.Layer.EntryCount} entries, in {elapsed.TotalSeconds:0.00} s");

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
