using System.Text;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// <c>.tko.yml</c> costs bounded time and memory: YAML anchors and aliases are refused (a 1 KB
/// file of nested aliases used to hang), and a file over 1 MiB is refused after reading 1 MiB.
/// Each is a usage error naming the file.
/// </summary>
public sealed class TkoYmlIsReadWithinLimits
{
    [Fact]
    public async Task A_nested_alias_bomb_is_refused_at_once_naming_the_line()
    {
        using var workspace = new CliWorkspace();
        var bomb = new StringBuilder("build:\n  author: a\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 10; level++)
            bomb.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        bomb.Append("oops: *l10\n");
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), bomb.ToString());

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Failed(result, CliOutcome.UsageError, ".tko.yml:3: YAML anchors and aliases (&name, *name, <<) are not accepted");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Fact]
    public async Task A_single_anchor_is_refused_naming_its_line()
    {
        using var workspace = new CliWorkspace();
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), "build:\n  base-ref: scratch\n  author: &who me\n");

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Failed(result, CliOutcome.UsageError, ".tko.yml:3: YAML anchors and aliases");
    }

    [Fact]
    public async Task A_50_MB_settings_file_is_refused_naming_it_and_the_cap()
    {
        using var workspace = new CliWorkspace();
        string settings = Path.Combine(workspace.Root, ".tko.yml");
        using (FileStream file = File.Create(settings)) file.SetLength(50L << 20);

        ProcessResult result = await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Failed(result, CliOutcome.UsageError, ".tko.yml: the settings file is larger than 1 MiB; tko refuses it");
    }

    [Fact]
    public async Task An_endless_settings_file_is_refused_after_one_MiB()
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), "--config", "/dev/zero"]);

        CliOutcome.Failed(result, CliOutcome.UsageError, "/dev/zero: the settings file is larger than 1 MiB; tko refuses it");
    }
}
