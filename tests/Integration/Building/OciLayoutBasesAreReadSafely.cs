using Tko.Integration.Cli;
using Tko.Integration.Support;
using Xunit;

namespace Tko.Integration.Building;

/// <summary>
/// An <c>oci:</c> base is read like a registry's: index.json and manifests up to 4 MiB, configs up
/// to 32 MiB, and never through a link. Each refusal is one line naming the file, and no output is left.
/// </summary>
public sealed class OciLayoutBasesAreReadSafely
{
    private static async Task<(CliWorkspace Workspace, string Base)> BaseAsync()
    {
        var workspace = new CliWorkspace();
        string baseLayout = workspace.Output("base");
        // A base layer unlike the child's: a blob the build already made itself is never read from the base.
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(baseLayout), "--dest-path", "/base"]));
        return (workspace, baseLayout);
    }

    private static string[] Child(CliWorkspace workspace, string baseLayout) =>
        [workspace.Source, "--base-ref", "oci:" + baseLayout, "--target-type", "OCI_LAYOUT", "--output", workspace.Output("child")];

    [Fact]
    public async Task A_one_gigabyte_index_json_is_refused_in_one_line()
    {
        (CliWorkspace workspace, string baseLayout) = await BaseAsync();
        using (workspace)
        {
            HostileLayout.Sparse(Path.Combine(baseLayout, "index.json"), 1L << 30);

            CliOutcome.Failed(await workspace.BuildAsync(Child(workspace, baseLayout)), CliOutcome.BuildFailed,
                $"oci:{baseLayout}: index.json is larger than 4 MiB; tko refuses it");
            Assert.False(Path.Exists(workspace.Output("child")));
        }
    }

    [Fact]
    public async Task A_config_of_600_MB_is_refused_in_one_line()
    {
        (CliWorkspace workspace, string baseLayout) = await BaseAsync();
        using (workspace)
        {
            HostileLayout.GrowConfig(baseLayout, 600L << 20);

            CliOutcome.Failed(await workspace.BuildAsync(Child(workspace, baseLayout)), CliOutcome.BuildFailed, "is larger than 32 MiB; tko refuses it");
        }
    }

    [Fact]
    public async Task A_layer_blob_linked_outside_the_layout_is_refused_naming_it()
    {
        (CliWorkspace workspace, string baseLayout) = await BaseAsync();
        using (workspace)
        {
            string blob = HostileLayout.FirstLayerBlob(baseLayout);
            Directory.CreateDirectory(workspace.Output("outside"));
            HostileLayout.LinkOutside(blob, workspace.Output("outside"));

            CliOutcome.Failed(await workspace.BuildAsync(Child(workspace, baseLayout)), CliOutcome.BuildFailed,
                $"blobs/sha256/{Path.GetFileName(blob)} is a symbolic link");
            Assert.False(Path.Exists(workspace.Output("child")));
        }
    }
}
