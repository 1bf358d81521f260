using System.Globalization;

namespace Tko;

/// <summary>Reads <c>SOURCE_DATE_EPOCH</c>, the reproducible-builds convention for a build's timestamp.</summary>
public static class SourceDateEpoch
{
    /// <summary>The variable's value in seconds, or 0 when it is unset or empty.</summary>
    public static long FromEnvironment() => Parse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"));

    /// <summary>Parses a value of the variable; throws <see cref="OptionException"/> quoting it when it is not a whole number of seconds.</summary>
    public static long Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return 0;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            ? seconds
            : throw new OptionException("SOURCE_DATE_EPOCH", $"'{value}' is not a whole number of seconds since 1970");
    }

    /// <summary>The time as RFC 3339 in UTC, as image configs record it.</summary>
    public static string ToRfc3339(long seconds) =>
        DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
