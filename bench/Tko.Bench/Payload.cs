using System.Collections.Immutable;
using Tko.Layers;

namespace Tko.Bench;

/// <summary>
/// The tree every benchmark builds a layer of: the .NET shared runtime (about 105 MB in 333 files)
/// unless <c>TKO_BENCH_PAYLOAD</c> names another directory. Scanned and planned once per process.
/// </summary>
internal static class Payload
{
    public const string DefaultPath = "/usr/share/dotnet/shared";
    public const string DestPath = "/tko-app";

    private static readonly Lazy<(ImmutableArray<LayerEntry> Entries, long TarBytes, long ContentBytes)> Planned = new(() =>
    {
        ImmutableArray<LayerEntry> entries = PlanNow();
        long tar = 2 * TarHeaderEncoder.BlockSize; // end-of-archive marker
        long content = 0;
        foreach (LayerEntry e in entries)
        {
            tar += TarHeaderEncoder.Encode(e, 0).Length;
            if (e.Kind == LayerEntryKind.File)
            {
                tar += TarHeaderEncoder.Padded(e.Size);
                content += e.Size;
            }
        }
        return (entries, tar, content);
    });

    /// <summary>The payload directory.</summary>
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("TKO_BENCH_PAYLOAD") is { Length: > 0 } p ? p : DefaultPath;

    /// <summary>The planned layer entries (uid/gid 0, under /tko-app).</summary>
    public static ImmutableArray<LayerEntry> Entries => Planned.Value.Entries;

    /// <summary>Bytes of the uncompressed tar stream tko writes for the payload: the "input" of MB/s figures.</summary>
    public static long TarBytes => Planned.Value.TarBytes;

    /// <summary>Bytes of file content in the payload.</summary>
    public static long ContentBytes => Planned.Value.ContentBytes;

    /// <summary>Scans and plans the payload, as a build does before the pipeline starts.</summary>
    public static ImmutableArray<LayerEntry> PlanNow() =>
        LayerPlanner.Plan(SourceScanner.Scan(Path), DestPath, 0, 0);
}
