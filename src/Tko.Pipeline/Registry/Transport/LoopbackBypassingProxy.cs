using System.Net;

namespace Tko.Registry;

/// <summary>
/// .NET's default proxy (which reads <c>HTTP_PROXY</c>, <c>HTTPS_PROXY</c>, <c>ALL_PROXY</c> and
/// <c>NO_PROXY</c>, upper or lower case), except that loopback hosts are always reached directly,
/// as Go's <c>ProxyFromEnvironment</c> does.
/// </summary>
internal sealed class LoopbackBypassingProxy(IWebProxy inner) : IWebProxy
{
    public ICredentials? Credentials
    {
        get => inner.Credentials;
        set => inner.Credentials = value;
    }

    public Uri? GetProxy(Uri destination) => inner.GetProxy(destination);

    public bool IsBypassed(Uri host) => host.IsLoopback || inner.IsBypassed(host);
}
