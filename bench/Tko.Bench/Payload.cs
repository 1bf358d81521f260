using System.Collections.Immutable;

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
        return (entries, TarBytesOf(entries), entries.Where(e => e.Kind == LayerEntryKind.File).Sum(e => e.Size));
    });

    private static readonly Lazy<(ImmutableArray<LayerEntry> Entries, long TarBytes)> Sampled = new(() =>
    {
        // The planned order is sorted with each directory before its contents, so a prefix is a valid tree.
        var sample = ImmutableArray.CreateBuilder<LayerEntry>();
        long content = 0;
        foreach (LayerEntry e in Entries)
        {
            if (content >= SampleContentBytes) break;
            sample.Add(e);
            if (e.Kind == LayerEntryKind.File) content += e.Size;
        }
        ImmutableArray<LayerEntry> entries = sample.ToImmutable();
        return (entries, TarBytesOf(entries));
    });

    /// <summary>
    /// File content in <see cref="SampleEntries"/>: enough for stable timings, small enough that a
    /// sweep over levels up to 9 stays short on a 2-core machine.
    /// </summary>
    public const long SampleContentBytes = 24L << 20;

    /// <summary>The payload directory.</summary>
    public static string Path { get; } =
        Environment.GetEnvironmentVariable("TKO_BENCH_PAYLOAD") is { Length: > 0 } p ? p : DefaultPath;

    /// <summary>The planned layer entries (uid/gid 0, under /tko-app).</summary>
    public static ImmutableArray<LayerEntry> Entries => Planned.Value.Entries;

    /// <summary>Bytes of the uncompressed tar stream tko writes for the payload: the "input" of MB/s figures.</summary>
    public static long TarBytes => Planned.Value.TarBytes;

    /// <summary>Bytes of file content in the payload.</summary>
    public static long ContentBytes => Planned.Value.ContentBytes;

    /// <summary>The first entries of <see cref="Entries"/> holding about <see cref="SampleContentBytes"/> of file content.</summary>
    public static ImmutableArray<LayerEntry> SampleEntries => Sampled.Value.Entries;

    /// <summary>Bytes of the tar stream tko writes for <see cref="SampleEntries"/>.</summary>
    public static long SampleTarBytes => Sampled.Value.TarBytes;

    /// <summary>Bytes of the tar stream tko writes for these entries, end-of-archive marker included.</summary>
    public static long TarBytesOf(IEnumerable<LayerEntry> entries)
    {
        long tar = 2 * TarHeaderEncoder.BlockSize;
        foreach (LayerEntry e in entries)
        {
            tar += TarHeaderEncoder.Encode(e, 0).Length;
            if (e.Kind == LayerEntryKind.File) tar += TarHeaderEncoder.Padded(e.Size);
        }
        return tar;
    }

    /// <summary>Scans and plans the payload, as a build does before the pipeline starts.</summary>
    public static ImmutableArray<LayerEntry> PlanNow() =>
        LayerPlanner.Plan(SourceScanner.Scan(Path), DestPath, 0, 0, FileModes.Normalised);
}
