namespace Tko.Cli.Progress;

/// <summary>
/// How far one platform's layer has come: its planned totals, what each stage has counted, and when
/// (time since the build started) reading and the layer finished. Folded from its events by <see cref="Apply"/>.
/// </summary>
internal sealed record PlatformProgress(string Platform)
{
    /// <summary>When the layer's plan arrived: rates are measured from here, not from the start of the build.</summary>
    public TimeSpan? StartedAt { get; init; }
    public long Entries { get; init; }
    public long ContentBytes { get; init; }
    public long Files { get; init; }
    public long Read { get; init; }
    public long Compressed { get; init; }
    public long Written { get; init; }
    public TimeSpan? ReadDoneAt { get; init; }
    public string? LayerDigest { get; init; }
    public long LayerSize { get; init; }
    public TimeSpan? LayerDoneAt { get; init; }

    /// <summary>The bytes of tar the layer will have, near enough for a bar: content plus one header block per entry and the end marker (PAX headers and padding aside).</summary>
    public long ApproximateTarBytes => ContentBytes + 512 * Entries + 1024;

    /// <summary>This progress after <paramref name="e"/>, which arrived <paramref name="at"/> after the build started.</summary>
    public PlatformProgress Apply(BuildEvent e, TimeSpan at)
    {
        PlatformProgress next = e.Kind switch
        {
            BuildEventKind.EntriesPlanned => this with { Entries = e.Amount, StartedAt = StartedAt ?? at },
            BuildEventKind.BytesPlanned => this with { ContentBytes = e.Amount, StartedAt = StartedAt ?? at },
            BuildEventKind.FileSeen => this with { Files = Files + e.Amount },
            BuildEventKind.BytesRead => this with { Read = Read + e.Amount },
            BuildEventKind.BytesCompressed => this with { Compressed = Compressed + e.Amount },
            BuildEventKind.BytesWritten => this with { Written = Written + e.Amount },
            BuildEventKind.LayerCompleted => this with { LayerDigest = e.Detail, LayerSize = e.Amount, LayerDoneAt = at },
            _ => this,
        };
        // Every entry is counted once its content is read, so the last one ends the reading.
        return next.ReadDoneAt is null && next.Entries > 0 && next.Files >= next.Entries
            ? next with { ReadDoneAt = at }
            : next;
    }
}
