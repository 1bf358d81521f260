namespace Tko.Registry;

/// <summary>The wait before attempt <c>n + 1</c> of an operation that is retried as a whole: exponential, with jitter, capped.</summary>
internal static class RetryDelay
{
    public static TimeSpan For(RegistryClientOptions options, int failures)
    {
        double exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(failures - 1, 0));
        double jittered = exponential * (0.8 + Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxRetryDelay.TotalMilliseconds));
    }

    public static Task WaitAsync(RegistryClientOptions options, int failures, CancellationToken cancellationToken) =>
        Task.Delay(For(options, failures), cancellationToken);
}
