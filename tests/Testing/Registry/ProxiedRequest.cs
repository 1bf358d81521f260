namespace Tko.Testing.Registry;

/// <summary>One request a test server received: method, path with query, whether it carried Authorization, and the status answered (0: connection dropped).</summary>
public sealed record ProxiedRequest(string Method, string PathAndQuery, bool HadAuthorization, int Status)
{
    public override string ToString() => $"{Method} {PathAndQuery} -> {Status}{(HadAuthorization ? " (auth)" : "")}";
}
