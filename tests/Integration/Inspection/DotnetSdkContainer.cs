using System.Collections;
using Tko.Integration.Cli;
using Tko.Testing;

namespace Tko.Integration.Inspection;

/// <summary>
/// A tiny framework-dependent console app published as a container image by the .NET SDK
/// (<c>-t:PublishContainer</c>) into a tarball (<c>ContainerArchiveOutputPath</c>), so no daemon is
/// needed. Offline: the project's NuGet.config clears every package source (the app needs no
/// package; the apphost comes from the SDK's packs), and the base image comes from a loopback
/// registry named in <c>DOTNET_CONTAINER_INSECURE_REGISTRIES</c>.
/// </summary>
public sealed class DotnetSdkContainer(string directory, string baseImage, string registryHost)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public string PublishDirectory => Path.Combine(directory, "bin", "Release", "net10.0", "linux-x64", "publish");

    public void WriteProject()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "app.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
                <SelfContained>false</SelfContained>
                <EnableSdkContainerSupport>true</EnableSdkContainerSupport>
                <ContainerBaseImage>{baseImage}</ContainerBaseImage>
                <ContainerRepository>app</ContainerRepository>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), "System.Console.WriteLine(\"hello from the SDK\");\n");
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /></packageSources></configuration>
            """);
        // Stop MSBuild's upward search for these at the project, whatever lies above the temp directory.
        foreach (string stop in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            File.WriteAllText(Path.Combine(directory, stop), "<Project />\n");
    }

    /// <summary>Publishes the image into <paramref name="archive"/>; <paramref name="rebuild"/> false reuses the last build (only the container step runs).</summary>
    public Task<ProcessResult> PublishAsync(string archive, bool rebuild = true) =>
        ProcessRunner.RunAsync(TkoCli.Dotnet,
            ["publish", "-c", "Release", "-t:PublishContainer", $"-p:ContainerArchiveOutputPath={archive}", "--disable-build-servers", "-p:UseSharedCompilation=false",
                .. rebuild ? Array.Empty<string>() : ["--no-restore", "--no-build"]],
            directory, Environment(), Timeout);

    private Dictionary<string, string?> Environment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registryHost,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        // The test host runs inside MSBuild's and VSTest's environment; a nested build must not inherit it.
        foreach (DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
            if (variable.Key is string name && (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                && !environment.ContainsKey(name))
                environment[name] = null;
        return environment;
    }
}
