using System.Collections.Concurrent;

namespace Tko.Integration.Pipeline;

/// <summary>Keeps every progress event a pipeline publishes, in arrival order.</summary>
public sealed class EventRecorder : IObserver<BuildEvent>
{
    private readonly ConcurrentQueue<BuildEvent> _events = new();

    public IReadOnlyList<BuildEvent> Events => [.. _events];

    public int Count => _events.Count;

    public IEnumerable<BuildEvent> Of(BuildEventKind kind) => _events.Where(e => e.Kind == kind);

    public long Sum(BuildEventKind kind) => Of(kind).Sum(e => e.Amount);

    public void OnNext(BuildEvent value) => _events.Enqueue(value);
    public void OnCompleted() { }
    public void OnError(Exception error) { }
}
