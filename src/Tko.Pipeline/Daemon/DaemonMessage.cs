using System.Text.Json.Serialization;

namespace Tko.Daemon;

/// <summary>
/// One message of a Docker Engine API response: a line of the JSON stream <c>POST /images/load</c>
/// answers with (<c>stream</c>, or <c>error</c> and <c>errorDetail</c> on failure), or the body of
/// an error status (<c>message</c>, which Podman also puts there).
/// </summary>
internal sealed record DaemonMessage(
    [property: JsonPropertyName("stream")] string? Stream,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("errorDetail")] DaemonErrorDetail? ErrorDetail,
    [property: JsonPropertyName("message")] string? Message)
{
    /// <summary>What the daemon says went wrong, or null when the message reports no failure.</summary>
    [JsonIgnore]
    public string? Failure => ErrorDetail?.Message ?? Error;
}

/// <summary>The <c>errorDetail</c> of a failed JSON stream message.</summary>
internal sealed record DaemonErrorDetail([property: JsonPropertyName("message")] string? Message);
