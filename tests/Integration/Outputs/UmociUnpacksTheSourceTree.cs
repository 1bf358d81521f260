using Tko.Integration.Cli;
using Tko.Integration.Support;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Outputs;

/// <summary>
/// umoci unpacks tko's layout into a rootfs whose destination directory is the source tree again:
/// content, modes, symlinks (dangling ones too), empty directories, dot files, unicode and long names.
/// </summary>
public sealed class UmociUnpacksTheSourceTree
{
    [Fact]
    public async Task Rootfs_holds_the_source_under_tko_app()
    {
        using var workspace = new CliWorkspace();
        string layout = workspace.Output("img");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(layout), "--keep-modes"]));
        ImageValidation.ValidateLayout(layout);

        string rootfs = await ImageTools.UmociUnpackAsync(layout, "latest", workspace.Output("bundle"));

        Assert.Equal(["tko-app"], Directory.EnumerateFileSystemEntries(rootfs).Select(Path.GetFileName));
        TreeComparison.AssertSame(workspace.Source, Path.Combine(rootfs, "tko-app"));
    }

    [Fact]
    public async Task Custom_dest_path_has_0755_parents_and_the_source_roots_mode()
    {
        using var workspace = new CliWorkspace();
        File.SetUnixFileMode(workspace.Source, (UnixFileMode)0b111_101_000); // 0750, unlike the parents' 0755
        string layout = workspace.Output("img");
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(layout), "--dest-path", "/opt/app", "--keep-modes"]));
        ImageValidation.ValidateLayout(layout);

        string rootfs = await ImageTools.UmociUnpackAsync(layout, "latest", workspace.Output("bundle"));

        Assert.Equal(["opt"], Directory.EnumerateFileSystemEntries(rootfs).Select(Path.GetFileName));
        var opt = new DirectoryInfo(Path.Combine(rootfs, "opt"));
        Assert.True(opt.Exists && opt.LinkTarget is null, "/opt is not a directory");
        Assert.Equal("0755", TreeComparison.Octal(opt.UnixFileMode));
        Assert.Equal(["app"], opt.EnumerateFileSystemInfos().Select(i => i.Name));
        TreeComparison.AssertSame(workspace.Source, Path.Combine(rootfs, "opt", "app"));
    }

    [Fact]
    public async Task By_default_the_rootfs_has_normalised_modes()
    {
        using var workspace = new CliWorkspace();
        string layout = workspace.Output("img");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(layout)));

        string root = Path.Combine(await ImageTools.UmociUnpackAsync(layout, "latest", workspace.Output("bundle")), "tko-app");

        var unexpected = new List<string>();
        foreach (string path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Prepend(root))
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null) continue;
            string source = Path.Combine(workspace.Source, Path.GetRelativePath(root, path));
            bool directory = info.Attributes.HasFlag(FileAttributes.Directory);
            bool executable = (File.GetUnixFileMode(source) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
            string expected = directory || executable ? "0755" : "0644";
            if (TreeComparison.Octal(info.UnixFileMode) != expected) unexpected.Add($"{path}: {TreeComparison.Octal(info.UnixFileMode)}, expected {expected}");
        }
        Assert.Empty(unexpected);
    }
}
