using System.Globalization;
using System.Text.RegularExpressions;

namespace Tko.Testing.Registry;

/// <summary>
/// Reads distribution's access log. With <c>log.accesslog.disabled: false</c> the registry wraps its
/// handler in gorilla's CombinedLoggingHandler, which prints one Apache "combined" line per request
/// once the response is written — for every request, including those auth refused — unlike the
/// JSON "response completed" lines, which only requests that reached a route handler get.
/// </summary>
internal static partial class AccessLog
{
    // 127.0.0.1 - - [23/Nov/2026:13:01:02 +0000] "GET /v2/ HTTP/1.1" 200 2 "" "curl/7.88.1"
    [GeneratedRegex("""^\S+ \S+ \S+ \[[^\]]*\] "(?<method>[A-Z]+) (?<path>\S+) HTTP/[0-9.]+" (?<status>\d{3}) (?<sent>\d+|-)""")]
    private static partial Regex CombinedLine();

    public static RegistryRequest? TryParse(string line)
    {
        Match match = CombinedLine().Match(line);
        if (!match.Success) return null;
        // The combined format logs the response size only; nothing says how much the client sent.
        return new RegistryRequest(match.Groups["method"].Value, match.Groups["path"].Value,
            int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture), BytesReceived: null);
    }
}
