using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// A registry operation failed. Carries what was asked (method, redacted URL), what the registry
/// answered (status, its <c>errors[]</c>) and whether trying again later may succeed. The message is
/// one line naming the registry or repository and, where it helps, what to do; it never holds a
/// credential or token.
/// </summary>
public class RegistryException : TkoException
{
    /// <summary>The registry or repository at fault, e.g. <c>ghcr.io/acme/app</c>.</summary>
    public string Subject { get; }

    /// <summary>The HTTP method of the failed request, when there was one.</summary>
    public string? Method { get; }

    /// <summary>The URL of the failed request with secrets removed, when there was one.</summary>
    public string? Url { get; }

    /// <summary>The HTTP status the registry answered, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>The registry's own error codes and messages.</summary>
    public ImmutableList<RegistryError> Errors { get; }

    /// <summary>True when the same request may succeed later (5xx, 429, a lost connection, a timeout).</summary>
    public bool IsTransient { get; }

    /// <summary>Creates the exception; <paramref name="problem"/> is the one-line explanation after the subject.</summary>
    public RegistryException(string subject, string problem, RegistryFailure? failure = null, Exception? inner = null)
        : base($"{subject}: {problem}", inner ?? new HttpRequestException(problem))
    {
        Subject = subject;
        Method = failure?.Method;
        Url = failure?.Url;
        StatusCode = failure?.StatusCode;
        Errors = failure?.Errors ?? [];
        IsTransient = failure?.IsTransient ?? false;
    }
}

/// <summary>What is known of a failed request, for <see cref="RegistryException"/>.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">The redacted URL.</param>
/// <param name="StatusCode">The status, when the registry answered.</param>
/// <param name="Errors">The registry's errors[].</param>
/// <param name="IsTransient">Whether trying again may succeed.</param>
public sealed record RegistryFailure(string Method, string Url, int? StatusCode, ImmutableList<RegistryError> Errors, bool IsTransient);
