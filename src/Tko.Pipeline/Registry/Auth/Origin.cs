namespace Tko.Registry;

/// <summary>
/// Scheme, host and port: what credentials are bound to. <c>https://r.example</c> and
/// <c>https://r.example:443</c> are one origin; <c>http://r.example:443</c> is another.
/// </summary>
internal sealed record Origin(string Scheme, string Host, int Port)
{
    public static Origin Of(Uri uri) => new(uri.Scheme.ToLowerInvariant(), uri.IdnHost.ToLowerInvariant(), uri.Port);

    public bool IsHttps => Scheme == "https";

    public override string ToString() => $"{Scheme}://{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}";
}
