using System.Diagnostics;

namespace Tko.Registry;

/// <summary>Logs each attempt of each request (method, redacted URL, status or failure, time); never a header.</summary>
internal sealed class LoggingHandler(RequestLog log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!log.Enabled) return await base.SendAsync(request, cancellationToken);
        long start = Stopwatch.GetTimestamp();
        string what = $"{request.Method} {log.Redactor.Url(request.RequestUri)}";
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            log.Write($"{what} → {(int)response.StatusCode} ({Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms)");
            return response;
        }
        catch (Exception e)
        {
            log.Write($"{what} failed after {Stopwatch.GetElapsedTime(start).TotalMilliseconds:F0} ms: {e.Message}");
            throw;
        }
    }
}
