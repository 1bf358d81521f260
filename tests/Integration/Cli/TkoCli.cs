using System.Collections;
using Tko.Testing;

namespace Tko.Integration.Cli;

/// <summary>
/// Runs the real CLI as a process: <c>dotnet tko.dll build …</c>, tko.dll being copied next to this
/// test assembly by the project reference. Every run starts from an environment without TKO_*
/// variables or SOURCE_DATE_EPOCH, so only what a test sets is seen.
/// </summary>
public static class TkoCli
{
    /// <summary>The user and group id of <c>nobody</c>.</summary>
    public const int Nobody = 65534;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "tko.dll");

    /// <summary>The dotnet host running these tests, or the one on PATH.</summary>
    public static string Dotnet { get; } = FindDotnet();

    /// <summary>Runs <c>tko build</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static Task<ProcessResult> BuildAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        ProcessRunner.RunAsync(Dotnet, [Dll, "build", .. arguments], workingDirectory, CleanEnvironment(environment), Timeout);

    /// <summary>Runs <c>tko</c> with <paramref name="arguments"/> (the subcommand first) in <paramref name="workingDirectory"/>.</summary>
    public static Task<ProcessResult> RunAsync(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        ProcessRunner.RunAsync(Dotnet, [Dll, .. arguments], workingDirectory, CleanEnvironment(environment), Timeout);

    /// <summary>
    /// Runs <c>tko build</c> as user and group nobody without supplementary groups, through setpriv.
    /// <paramref name="home"/> must be writable by nobody (the dotnet host writes there).
    /// </summary>
    public static Task<ProcessResult> BuildAsNobodyAsync(string workingDirectory, string home, IEnumerable<string> arguments)
    {
        string setpriv = RequiredTool.Find("setpriv", "util-linux");
        var environment = new Dictionary<string, string?> { ["HOME"] = home, ["DOTNET_CLI_HOME"] = home };
        return ProcessRunner.RunAsync(setpriv,
            [$"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", Dotnet, Dll, "build", .. arguments],
            workingDirectory, CleanEnvironment(environment), Timeout);
    }

    internal static Dictionary<string, string?> CleanEnvironment(IReadOnlyDictionary<string, string?>? overrides)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["SOURCE_DATE_EPOCH"] = null,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            if (variable.Key is string name && name.StartsWith("TKO_", StringComparison.Ordinal))
                environment[name] = null;
        foreach ((string name, string? value) in overrides ?? new Dictionary<string, string?>())
            environment[name] = value;
        return environment;
    }

    private static string FindDotnet()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        if (Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet")
            return process;
        return RequiredTool.Find("dotnet", "dotnet-sdk-10.0");
    }
}
