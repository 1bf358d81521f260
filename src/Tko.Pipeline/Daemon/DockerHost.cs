namespace Tko.Daemon;

/// <summary>
/// Where a Docker Engine API daemon listens, as <c>DOCKER_HOST</c> spells it: <c>unix:///path</c>
/// (a Unix socket) or <c>tcp://host[:port]</c> (plain HTTP; TLS is not supported).
/// </summary>
/// <param name="Address">The address as written, e.g. <c>unix:///var/run/docker.sock</c>.</param>
/// <param name="SocketPath">The Unix socket's path, or null for TCP.</param>
/// <param name="BaseAddress">What requests are sent to: <c>http://host:port/</c> for TCP; for a socket, a placeholder host.</param>
/// <param name="Description">How a message names it: with <c>DOCKER_HOST=</c> when the variable set it.</param>
internal sealed record DockerHost(string Address, string? SocketPath, Uri BaseAddress, string Description)
{
    /// <summary>The variable Docker's own clients read.</summary>
    public const string Variable = "DOCKER_HOST";

    /// <summary>Docker's default socket.</summary>
    public const string DefaultAddress = "unix:///var/run/docker.sock";

    // Docker's unencrypted TCP port.
    private const int DefaultTcpPort = 2375;

    /// <summary>
    /// The daemon at <paramref name="address"/> when one is given, else at <c>DOCKER_HOST</c> read
    /// through <paramref name="environment"/>, else at Docker's default socket.
    /// </summary>
    public static DockerHost Resolve(string? address, Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(address)) return Parse(address, address, "Target.DaemonHost");
        if (environment(Variable) is { Length: > 0 } variable) return Parse(variable, $"{Variable}={variable}", Variable);
        return Parse(DefaultAddress, $"{DefaultAddress} ({Variable} is not set)", Variable);
    }

    private static DockerHost Parse(string address, string description, string option)
    {
        if (address.StartsWith("unix://", StringComparison.Ordinal) && address.Length > "unix://".Length)
            return new DockerHost(address, address["unix://".Length..], new Uri("http://docker/"), description);
        if (address.StartsWith("tcp://", StringComparison.Ordinal)
            && Uri.TryCreate("http://" + address["tcp://".Length..], UriKind.Absolute, out Uri? tcp)
            && tcp.Host.Length > 0)
        {
            int port = tcp.IsDefaultPort && !address.EndsWith(":80", StringComparison.Ordinal) ? DefaultTcpPort : tcp.Port;
            return new DockerHost(address, null, new UriBuilder("http", tcp.Host, port).Uri, description);
        }
        throw new OptionException(option, $"'{address}' is not unix:///PATH or tcp://HOST:PORT (ssh://, npipe:// and TLS are not supported)");
    }
}
