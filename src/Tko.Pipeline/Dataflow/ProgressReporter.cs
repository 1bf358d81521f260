namespace Tko;

/// <summary>
/// Publishes one platform's progress to an observer. Several stages report at once, so calls are
/// serialised to keep the observer's one-call-at-a-time contract.
/// </summary>
public sealed class ProgressReporter
{
    private readonly IObserver<BuildEvent>? _observer;
    private readonly string _platform;
    private readonly Lock _gate = new();

    /// <summary>Reports to <paramref name="observer"/> (none when null) for <paramref name="platform"/>.</summary>
    public ProgressReporter(IObserver<BuildEvent>? observer, string platform) => (_observer, _platform) = (observer, platform);

    /// <summary>Reports nothing.</summary>
    public static ProgressReporter None { get; } = new(null, "");

    /// <summary>Publishes one event.</summary>
    public void Report(BuildEventKind kind, long amount, string? detail = null)
    {
        if (_observer is null) return;
        var e = new BuildEvent(kind, amount, _platform, detail);
        lock (_gate) _observer.OnNext(e);
    }
}
