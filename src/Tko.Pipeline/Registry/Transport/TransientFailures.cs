using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Tko.Registry;

/// <summary>
/// Which failures may go away if the same request is sent again: 5xx (but 501 and 505), 408, 429,
/// reset or lost connections and timeouts. A refused connection, an unknown host or a TLS failure
/// will not, and is reported at once, unless the registry answered before (<see cref="RestartingRegistryException"/>).
/// </summary>
internal static class TransientFailures
{
    public static bool IsTransient(HttpStatusCode status) => (int)status switch
    {
        408 or 429 => true,
        501 or 505 => false,
        >= 500 and <= 599 => true,
        _ => false,
    };

    public static bool IsTransient(Exception exception)
    {
        if (exception is TimeoutException || Find<RestartingRegistryException>(exception) is not null) return true;
        if (Find<AuthenticationException>(exception) is not null) return false;
        if (Find<SocketException>(exception) is { } socket)
            return socket.SocketErrorCode is not (SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                or SocketError.NetworkUnreachable or SocketError.NoData or SocketError.AddressNotAvailable);
        if (exception is HttpRequestException http)
            return http.HttpRequestError is not (HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
                or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.ProxyTunnelError or HttpRequestError.UserAuthenticationError);
        return exception is IOException;
    }

    /// <summary>True when the connection was refused (nothing listens on the port).</summary>
    public static bool IsRefused(Exception exception) =>
        Find<SocketException>(exception) is { SocketErrorCode: SocketError.ConnectionRefused };

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is T found) return found;
        return null;
    }
}
