namespace Tko.Testing.Registry;

/// <summary>
/// One request as the registry's access log recorded it. <paramref name="Path"/> keeps the query
/// string. <paramref name="BytesReceived"/> is null when the log does not say — distribution 2.8's
/// access log records only the bytes it sent, so it is always null there.
/// </summary>
public sealed record RegistryRequest(string Method, string Path, int Status, long? BytesReceived)
{
    public override string ToString() => $"{Method} {Path} -> {Status}";
}
