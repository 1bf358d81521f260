using System.Text;
using System.Text.RegularExpressions;
using Tko.Integration.Cli;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Packaging;

/// <summary>
/// <c>tko version -v</c> names the .NET runtime and the zlib-ng and zstd that layer bytes come from,
/// as loaded: the shared runtime's compression library for the tool, and the copy linked into the
/// native binary; zstd is the managed ZstdSharp.Port in both. Each version is checked against the
/// file it must come from, read here on its own.
/// </summary>
public sealed partial class VersionNamesTheLoadedCompressor
{
    [Fact]
    public async Task Tool_names_the_zlib_ng_of_the_shared_runtime_it_runs_on()
    {
        ProcessResult result = await TkoCli.RunAsync(Path.GetTempPath(), ["version", "-v"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string library = Path.Combine(runtimeDirectory, "libSystem.IO.Compression.Native.so");
        Assert.Equal(
            [Tko.Cli.ToolVersion.Text, $".NET runtime: {Environment.Version} (linux-x64)", $"zlib-ng: {BannerIn(library)} ({library})", ZstdLine()],
            result.StandardOutput.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Native_binary_names_the_zlib_ng_linked_in_from_its_runtime_pack()
    {
        string tko = ShippedArtifacts.NativeBinary;
        ProcessResult result = await ProcessRunner.RunAsync(tko, ["version", "-v"], environment: TkoCli.CleanEnvironment(null));
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = result.StandardOutput.TrimEnd('\n').Split('\n');
        Match runtime = Regex.Match(lines[1], @"^\.NET runtime: (\d+\.\d+\.\d+) \(linux-x64\)$");
        Assert.True(runtime.Success, lines[1]);
        // Native AOT links zlib-ng from the runtime pack of the same version (libz.a).
        string packLibrary = Path.Combine(NuGetPackages(), "microsoft.netcore.app.runtime.nativeaot.linux-x64", runtime.Groups[1].Value,
            "runtimes", "linux-x64", "native", "libz.a");
        Assert.Equal([Tko.Cli.ToolVersion.Text, lines[1], $"zlib-ng: {BannerIn(packLibrary)} (linked into {tko})", ZstdLine()], lines);
    }

    [Fact]
    public async Task Plain_version_stays_one_line()
    {
        ProcessResult result = await TkoCli.RunAsync(Path.GetTempPath(), ["version"]);
        Assert.Equal(Tko.Cli.ToolVersion.Text + "\n", result.StandardOutput);
    }

    /// <summary>The zstd line: the zstd release the port reports, and the package version pinned in Directory.Packages.props.</summary>
    private static string ZstdLine()
    {
        Match pinned = PinnedPort().Match(File.ReadAllText(Path.Combine(ShippedArtifacts.RepositoryRoot, "Directory.Packages.props")));
        Assert.True(pinned.Success, "Directory.Packages.props pins no ZstdSharp.Port version");
        return $"zstd: {ZstdVersion()} (ZstdSharp.Port {pinned.Groups[1].Value}, managed, in tko itself)";
    }

    private static string ZstdVersion()
    {
        uint number = ZstdSharp.Unsafe.Methods.ZSTD_versionNumber();
        return $"{number / 10000}.{number / 100 % 100}.{number % 100}";
    }

    private static string BannerIn(string file)
    {
        Match banner = Banner().Match(Encoding.Latin1.GetString(File.ReadAllBytes(file)));
        Assert.True(banner.Success, $"{file} carries no zlib-ng version banner");
        return banner.Groups[1].Value;
    }

    private static string NuGetPackages() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    [GeneratedRegex(@"<PackageVersion Include=""ZstdSharp.Port"" Version=""([0-9.]+)""")]
    private static partial Regex PinnedPort();

    [GeneratedRegex(@" zlib-ng ([0-9][0-9.]*)\0")]
    private static partial Regex Banner();
}
