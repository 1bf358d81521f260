namespace Tko.Cli;

/// <summary>
/// tko reads file types, modes and owners with Linux's <c>statx</c>, so elsewhere it refuses at
/// start, in one line, rather than failing later with a missing entry point.
/// </summary>
internal static class SupportedSystem
{
    public const string RefusalText =
        "tko: this build runs on Linux; on macOS or Windows run it in a Linux container or WSL (see README, \"Installing tko\")";

    /// <summary>The line to print and exit 2 with, or null on Linux.</summary>
    public static string? Refusal(bool isLinux) => isLinux ? null : RefusalText;
}
