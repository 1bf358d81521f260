using System.Net;

namespace Tko.Registry;

/// <summary>
/// Which registries may be spoken to over plain HTTP: loopback hosts (after HTTPS has been tried)
/// and those named insecure, whose TLS certificates are not verified either.
/// </summary>
internal sealed class InsecureRegistries(IEnumerable<string> names)
{
    private readonly HashSet<string> _names = new(names.Select(n => n.Trim()).Where(n => n.Length > 0), StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="authority"/> (<c>host[:port]</c>) is named insecure, by itself or by its host.</summary>
    public bool IsNamed(string authority) =>
        _names.Contains(authority) || _names.Contains(HostOf(authority));

    /// <summary>True when plain HTTP may be used for <paramref name="authority"/>.</summary>
    public bool AllowsPlainHttp(string authority) => IsNamed(authority) || IsLoopback(HostOf(authority));

    /// <summary>True when TLS certificates of <paramref name="host"/> are not verified.</summary>
    public bool SkipsVerification(string host) =>
        _names.Contains(host) || _names.Any(n => HostOf(n).Equals(host, StringComparison.OrdinalIgnoreCase));

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));

    /// <summary>The host of <c>host[:port]</c> or <c>[v6]:port</c>, brackets kept off.</summary>
    public static string HostOf(string authority)
    {
        if (authority.StartsWith('['))
        {
            int close = authority.IndexOf(']');
            return close < 0 ? authority : authority[1..close];
        }
        int colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }
}
