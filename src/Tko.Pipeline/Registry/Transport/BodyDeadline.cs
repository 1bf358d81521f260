namespace Tko.Registry;

/// <summary>
/// How long a response body may take: no byte for <see cref="RegistryClientOptions.ResponseTimeout"/>
/// is a stall, and the whole body gets a generous floor (twice that timeout) plus its size at a low
/// minimum rate (64 KiB/s), so a body trickled a byte at a time cannot hold a push for ever.
/// </summary>
internal sealed record BodyDeadline(TimeSpan Idle, TimeSpan Overall)
{
    private const double MinimumBytesPerSecond = 64 << 10;

    public static BodyDeadline For(TimeSpan idle, long? size) =>
        new(idle, size is { } bytes ? idle * 2 + TimeSpan.FromSeconds(bytes / MinimumBytesPerSecond) : Timeout.InfiniteTimeSpan);
}
