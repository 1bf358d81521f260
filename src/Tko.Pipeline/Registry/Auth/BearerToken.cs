namespace Tko.Registry;

/// <summary>An access token and when to stop using it.</summary>
internal sealed record BearerToken(string Value, DateTimeOffset Expires)
{
    public override string ToString() => $"BearerToken {{ Expires = {Expires:O} }}";
}
