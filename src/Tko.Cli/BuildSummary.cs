using System.Globalization;

namespace Tko.Cli;

/// <summary>The one line on stderr that tells a person what a build made: where, with which tags, and the layer.</summary>
internal static class BuildSummary
{
    public static string Describe(BuildResult result, TimeSpan elapsed) => result.IsIndex
        ? string.Create(CultureInfo.InvariantCulture,
            $"tko: wrote {Where(result)}: index of {result.Images.Count} platforms: {string.Join("; ", result.Images.Select(i => $"{i.Platform} {Layer(i.Layer)}"))}, in {elapsed.TotalSeconds:0.00} s")
        : string.Create(CultureInfo.InvariantCulture, $"tko: wrote {Where(result)}: {Layer(result.Layer)}, in {elapsed.TotalSeconds:0.00} s");

    /// <summary>The output, the tags it got (pushed, loaded or recorded) and the extra outputs.</summary>
    private static string Where(BuildResult result)
    {
        string tags = result.Tags.IsEmpty ? "" : $" tagged {string.Join(", ", result.Tags)}";
        string also = result.AlsoWritten.IsEmpty ? "" : $" (also {string.Join(", ", result.AlsoWritten)})";
        return result.OutputPath + tags + also;
    }

    private static string Layer(LayerResult layer) => string.Create(CultureInfo.InvariantCulture,
        $"layer {layer.Digest.Hex[..12]} {Megabytes(layer.Size)} MB from {Megabytes(layer.UncompressedSize)} MB of tar, {layer.EntryCount} entries");

    private static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
