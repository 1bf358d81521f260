namespace Tko.Integration.Registry;

/// <summary>What a <see cref="FaultRelay"/> does to one request.</summary>
internal enum RelayFault
{
    /// <summary>Pass it on.</summary>
    None,
    /// <summary>Pass the response's headers and half of the body bytes at hand, then reset the connection.</summary>
    CutResponse,
    /// <summary>Pass the response's headers, then its body a byte at a time, slowly.</summary>
    TrickleResponse,
    /// <summary>Reset the connection before the request reaches the registry.</summary>
    Reset,
    /// <summary>Answer 503 without asking the registry, then close the connection.</summary>
    ServiceUnavailable,
    /// <summary>Reset every connection and refuse new ones for a while, as a restarting registry does.</summary>
    Restart,
}
