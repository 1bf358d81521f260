using System.Globalization;

namespace Tko;

/// <summary>A port of the config's <c>ExposedPorts</c>, as Docker's <c>EXPOSE</c> writes it: <c>PORT/tcp</c> or <c>PORT/udp</c>.</summary>
public static class ExposedPort
{
    /// <summary>
    /// <paramref name="text"/> (<c>8080</c>, <c>8080/tcp</c>, <c>53/udp</c>) as the config's key, the protocol
    /// tcp when none is given, as Docker does; throws <see cref="FormatException"/> naming what is wrong.
    /// </summary>
    public static string Normalize(string text)
    {
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        string number = slash < 0 ? text : text[..slash];
        string protocol = slash < 0 ? "tcp" : text[(slash + 1)..].ToLowerInvariant();
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            throw new FormatException($"'{text}': the port must be a number from 1 to 65535, as PORT[/tcp|udp]");
        if (protocol is not ("tcp" or "udp" or "sctp"))
            throw new FormatException($"'{text}': the protocol must be tcp, udp or sctp, as PORT[/tcp|udp]");
        return $"{port.ToString(CultureInfo.InvariantCulture)}/{protocol}";
    }
}
