using System.Security.Cryptography;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// A push whose <c>--tmp</c> is on a full disk (a 1 MiB tmpfs, under a layer of 3 MB that does not
/// compress) fails with one line naming the directory and saying the disk is full, not "unexpected failure".
/// Mounting needs root, as the test machine runs the suite.
/// </summary>
public sealed class FullSpoolDiskIsOneLine
{
    [Fact]
    public async Task A_full_disk_under_the_spool_names_the_directory()
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using var workspace = new CliWorkspace();
        File.WriteAllBytes(Path.Combine(workspace.Source, "noise.bin"), RandomNumberGenerator.GetBytes(3 << 20));
        string tmp = Path.Combine(workspace.Root, "tiny");
        Directory.CreateDirectory(tmp);
        string mount = RequiredTool.Find("mount", "mount"), umount = RequiredTool.Find("umount", "mount");
        await ProcessRunner.RunCheckedAsync(mount, ["-t", "tmpfs", "-o", "size=1m", "tmpfs", tmp]);
        try
        {
            ProcessResult result = await workspace.BuildAsync(
                new Dictionary<string, string?> { ["DOCKER_CONFIG"] = workspace.Root },
                workspace.Source, "--base-ref", "scratch", "--target-repo", $"{registry.Host}/app", "--tmp", tmp);

            string line = CliOutcome.Failed(result, CliOutcome.BuildFailed, $"{tmp}: the disk is full");
            Assert.DoesNotContain("unexpected failure", line, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
        }
        finally
        {
            await ProcessRunner.RunCheckedAsync(umount, [tmp]);
        }
    }
}
