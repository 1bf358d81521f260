using System.Collections.Concurrent;

namespace Tko.Outputs;

/// <summary>
/// Runs one store operation per blob digest however many platforms ask for it, so bases that
/// share layers copy, mount or upload each of them once. A failed operation stays failed: the
/// build stops at the first failure anyway.
/// </summary>
internal sealed class OncePerDigest
{
    private readonly ConcurrentDictionary<Digest, Lazy<Task>> _started = new();

    public Task RunAsync(Digest digest, Func<Task> store) =>
        _started.GetOrAdd(digest, _ => new Lazy<Task>(store)).Value;
}
