using System.Net;
using Polly;
using Polly.Retry;

namespace Tko.Registry;

/// <summary>
/// Sends a request again when the failure is transient (<see cref="TransientFailures"/>): bounded
/// attempts, exponential backoff with jitter, a registry's <c>Retry-After</c> honoured (capped).
/// A request whose body cannot be sent twice, or that is marked <see cref="RetryOverride.SendOnce"/>,
/// is sent once. Requests without a large body get a time limit per attempt. A small GET body
/// (up to 4 MiB: manifests, most configs) is read within the attempt, so a body cut off or stalled
/// is retried like any other transient fault. A refused connection to an origin that has answered
/// before (a registry restarting) is transient.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private const long SmallBody = 1 << 20;
    private const long BufferedBody = 4 << 20;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeSpan _attemptTimeout;
    private readonly AnsweredOrigins _answered = new();

    public RetryHandler(RegistryClientOptions options, RequestLog log)
    {
        _attemptTimeout = options.RequestTimeout;
        TimeSpan maxDelay = options.MaxRetryDelay;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(options.MaxAttempts - 1, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: OperationCanceledException } => false,
                    { Exception: { } e } => TransientFailures.IsTransient(e),
                    { Result: { } response } => TransientFailures.IsTransient(response.StatusCode),
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, maxDelay)),
                OnRetry = args =>
                {
                    string why = args.Outcome.Exception?.Message ?? $"{(int)args.Outcome.Result!.StatusCode} {args.Outcome.Result.ReasonPhrase}";
                    HttpRequestMessage? request = args.Outcome.Result?.RequestMessage;
                    log.Write($"retry {args.AttemptNumber + 1} in {args.RetryDelay.TotalMilliseconds:F0} ms after {why}{(request is null ? "" : " from " + request.Method + " " + log.Redactor.Url(request.RequestUri))}");
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        if (options.MaxAttempts == 1) _pipeline = ResiliencePipeline<HttpResponseMessage>.Empty;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!IsReplayable(request)) return SendAttemptAsync(request, cancellationToken);
        return _pipeline.ExecuteAsync(
            static async (state, token) => await state.Handler.SendAttemptAsync(state.Request, token),
            (Handler: this, Request: request),
            cancellationToken).AsTask();
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        long? length = request.Content?.Headers.ContentLength;
        if (request.Content is not null && (length is null || length > SmallBody))
            return await SendNotingAnswersAsync(request, cancellationToken);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_attemptTimeout);
        try
        {
            HttpResponseMessage response = await SendNotingAnswersAsync(request, limit.Token);
            if (request.Method == HttpMethod.Get && response.Content.Headers.ContentLength <= BufferedBody)
                await BufferAsync(response, limit.Token);
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer to {request.Method} within {_attemptTimeout.TotalSeconds:F0} s");
        }
    }

    private async Task<HttpResponseMessage> SendNotingAnswersAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            _answered.Add(request.RequestUri);
            return response;
        }
        catch (HttpRequestException e) when (TransientFailures.IsRefused(e) && _answered.Contains(request.RequestUri))
        {
            throw new RestartingRegistryException(request.RequestUri!.Authority, e);
        }
    }

    private static async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>A body can be sent again when it is absent or held in memory, and the request is not marked send-once.</summary>
    private static bool IsReplayable(HttpRequestMessage request) =>
        !(request.Options.TryGetValue(RetryOverride.SendOnce, out bool once) && once)
        && request.Content is null or ByteArrayContent or ReadOnlyMemoryContent or ReplayableContent;

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)) return null;
        TimeSpan? wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }
}
