using System.Collections.Immutable;
using System.Net;
using System.Text.Json;

namespace Tko.Registry;

/// <summary>
/// Turns an unsuccessful registry answer into the most specific exception: the registry's
/// <c>errors[]</c> parsed, the URL redacted, and a message that says what to do where the code allows.
/// </summary>
internal static class ResponseErrors
{
    private const int MaxBody = 64 << 10;

    /// <summary>The exception for <paramref name="response"/>; <paramref name="doing"/> says what failed, e.g. "pushing the manifest".</summary>
    public static async Task<RegistryException> ExceptionAsync(HttpResponseMessage response, string subject, string doing, Redactor redactor, CancellationToken cancellationToken)
    {
        ImmutableList<RegistryError> errors = await ReadErrorsAsync(response, redactor, cancellationToken);
        HttpRequestMessage? request = response.RequestMessage;
        int status = (int)response.StatusCode;
        var failure = new RegistryFailure(request?.Method.Method ?? "", redactor.Url(request?.RequestUri), status, errors, TransientFailures.IsTransient(response.StatusCode));
        string said = errors.IsEmpty ? "" : " (" + string.Join("; ", errors) + ")";
        string asked = $"{failure.Method} {failure.Url} answered {status} {response.ReasonPhrase}{said}";

        if (errors.Any(e => e.Code == "NAME_UNKNOWN"))
            return new RepositoryNotFoundException(subject, $"{doing} failed: the repository does not exist on the registry; create it first (registries such as ECR do not create repositories on push){said}", failure);
        if (response.StatusCode == HttpStatusCode.Forbidden || errors.Any(e => e.Code == "DENIED"))
            return new RegistryAccessDeniedException(subject, $"{doing} was denied{said}; use credentials allowed to do it", failure);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            return new RegistryAuthenticationException(subject, $"{doing} needs authentication the registry did not accept: {asked}", failure);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || errors.Any(e => e.Code == "TOOMANYREQUESTS"))
            return new RegistryException(subject, $"{doing} failed: the registry is limiting requests{said}; try again later", failure);
        return new RegistryException(subject, $"{doing} failed: {asked}", failure);
    }

    public static async Task<ImmutableList<RegistryError>> ReadErrorsAsync(HttpResponseMessage response, Redactor redactor, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            byte[] chunk = new byte[8192];
            int read;
            while (buffer.Length < MaxBody && (read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
                buffer.Write(chunk, 0, read);
            body = buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return [];
        }
        if (body.Length == 0 || body.Length >= MaxBody) return [];
        try
        {
            RegistryErrorBody? parsed = JsonSerializer.Deserialize(body, RegistryJsonContext.Default.RegistryErrorBody);
            return parsed?.Errors is null
                ? []
                : [.. parsed.Errors.Select(e => new RegistryError(redactor.Text(e.Code ?? "UNKNOWN"), redactor.Text(e.Message ?? "")))];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
