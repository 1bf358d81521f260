namespace Tko.Registry;

/// <summary>
/// Sends one request of a registry operation: resolves the repository's URLs against the
/// registry's endpoint, tags the request with the access it needs, reads only the headers before
/// returning, and turns a transport failure into a <see cref="RegistryUnreachableException"/>.
/// </summary>
internal sealed class RegistryHttp(RegistryTransport transport, RegistryEndpoints endpoints, RegistryClientOptions options)
{
    public Redactor Redactor => transport.Redactor;

    public RequestLog Log => transport.Log;

    /// <summary>The client's options: attempts and backoff for operations retried above one request.</summary>
    public RegistryClientOptions Options => options;

    /// <summary><c>BASE/v2/REPOSITORY/PATH</c> for <paramref name="reference"/>'s repository.</summary>
    public async Task<Uri> RepositoryUriAsync(ImageReference reference, string path, CancellationToken cancellationToken) =>
        new(await endpoints.BaseUriAsync(reference.Host, cancellationToken), $"v2/{reference.Repository}/{path}");

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, RequestAccess access, CancellationToken cancellationToken)
    {
        request.Options.Set(RequestAccess.Key, access);
        try
        {
            return await transport.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
        {
            string url = Redactor.Url(request.RequestUri);
            var failure = new RegistryFailure(request.Method.Method, url, null, [], TransientFailures.IsTransient(e));
            throw new RegistryUnreachableException(access.Subject,
                $"{request.Method} {url} failed ({Redactor.Text(RegistryEndpoints.Innermost(e))}); check the network and that the registry is running", failure, e);
        }
    }

    /// <summary>The exception for an unsuccessful answer; <paramref name="doing"/> says what failed.</summary>
    public Task<RegistryException> FailureAsync(HttpResponseMessage response, RequestAccess access, string doing, CancellationToken cancellationToken) =>
        ResponseErrors.ExceptionAsync(response, access.Subject, doing, Redactor, cancellationToken);
}
