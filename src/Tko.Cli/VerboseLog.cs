using System.Reactive;

namespace Tko.Cli;

/// <summary>What <c>-v</c> prints: the library's log lines (registry requests, retries, what a daemon says) on stderr.</summary>
internal static class VerboseLog
{
    public static IObserver<string>? For(bool verbose) =>
        verbose ? Observer.Create<string>(line => Console.Error.WriteLine($"tko: {line}")) : null;
}
