namespace Tko.Registry;

/// <summary>Gives every response body a <see cref="BodyDeadline"/>: an inactivity timeout and an overall cap scaled to its length.</summary>
internal sealed class DeadlineHandler(TimeSpan idle, TimeProvider clock) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Head || response.Content is null) return response;
        response.Content = new DeadlineContent(response.Content, BodyDeadline.For(idle, response.Content.Headers.ContentLength), clock);
        return response;
    }
}
