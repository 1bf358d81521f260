using System.Runtime.ExceptionServices;

namespace Tko.Dataflow;

/// <summary>
/// Runs several pieces of work at once; the first failure cancels the others and is the one
/// thrown, never the cancellations it caused. Results come back in the order the work was given,
/// whatever order it finished in.
/// </summary>
internal static class Concurrently
{
    public static async Task<T[]> RunAsync<T>(IEnumerable<Func<CancellationToken, Task<T>>> work, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<T>[] running = [.. work.Select(async item =>
        {
            try
            {
                return await item(stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        })];
        try
        {
            return await Task.WhenAll(running);
        }
        catch
        {
            cancellationToken.ThrowIfCancellationRequested();
            Exception[] failures = [.. running.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)];
            ExceptionDispatchInfo.Throw(failures.FirstOrDefault(e => e is not OperationCanceledException) ?? failures.FirstOrDefault() ?? new OperationCanceledException());
            throw; // not reached
        }
    }

    public static Task RunAsync(IEnumerable<Func<CancellationToken, Task>> work, CancellationToken cancellationToken) =>
        RunAsync(work.Select<Func<CancellationToken, Task>, Func<CancellationToken, Task<bool>>>(item => async token =>
        {
            await item(token);
            return true;
        }), cancellationToken);
}
