using System.Reflection;

namespace Tko.Cli;

/// <summary>What <c>tko version</c> prints: the informational version, which carries the source commit.</summary>
internal static class ToolVersion
{
    public static string Text { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
