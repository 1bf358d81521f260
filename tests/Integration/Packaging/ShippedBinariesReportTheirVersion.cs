using Tko.Integration.Cli;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Packaging;

/// <summary>
/// Both ways of installing tko give a working <c>tko version</c> that names the build it came
/// from, and the native binary stays within the size users drop into runner images.
/// </summary>
public sealed class ShippedBinariesReportTheirVersion
{
    /// <summary>14 MiB, the most the single-file binary may weigh (13.1 MiB with the managed zstd encoder and the SBOM writer).</summary>
    private const long SizeLimit = 14L << 20;

    private static string ExpectedVersion { get; } =
        Tko.Cli.ToolVersion.Text;

    [Fact]
    public async Task Native_binary_is_one_file_within_14_MiB_that_prints_the_version()
    {
        string tko = ShippedArtifacts.NativeBinary;
        long size = new FileInfo(tko).Length;
        Assert.True(size <= SizeLimit, $"{tko} is {size:N0} bytes, over {SizeLimit:N0}");
        ProcessResult result = await ProcessRunner.RunAsync(tko, ["version"], environment: TkoCli.CleanEnvironment(null));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ExpectedVersion + "\n", result.StandardOutput);
    }

    [Fact]
    public async Task Tool_package_installs_with_dotnet_tool_and_prints_the_version()
    {
        using var tools = new TempDirectory("tool");
        await ProcessRunner.RunCheckedAsync(TkoCli.Dotnet,
            ["tool", "install", "tko", "--tool-path", tools.Path, "--add-source", ShippedArtifacts.PackageFolder, "--ignore-failed-sources"],
            tools.Path, TkoCli.CleanEnvironment(new Dictionary<string, string?> { ["DOTNET_CLI_HOME"] = tools.Path }));
        ProcessResult result = await ProcessRunner.RunAsync(Path.Combine(tools.Path, "tko"), ["version"], environment: TkoCli.CleanEnvironment(null));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ExpectedVersion + "\n", result.StandardOutput);
    }
}
