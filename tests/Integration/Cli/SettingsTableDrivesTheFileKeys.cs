using System.Reflection;
using Tko.Cli;
using Tko.Cli.ConfigFile;
using Xunit;
using YamlDotNet.Serialization;

namespace Tko.Integration.Cli;

/// <summary>
/// The keys of <c>.tko.yml</c>'s <c>build:</c> section are the settings table's: YamlDotNet's static
/// generator needs a typed property for each, and this fails if a row and the section disagree.
/// </summary>
public sealed class SettingsTableDrivesTheFileKeys
{
    [Fact]
    public void The_build_section_has_exactly_the_tables_keys()
    {
        string[] section = [.. typeof(BuildSection).GetProperties()
            .Select(p => p.GetCustomAttribute<YamlMemberAttribute>()!.Alias!)
            .Where(key => key != "platform-overrides")
            .Order(StringComparer.Ordinal)];

        Assert.Equal(BuildOptionTable.FileKeyKinds.Keys.Order(StringComparer.Ordinal), section);
    }

    [Fact]
    public void Each_row_reads_its_own_key()
    {
        var file = new BuildSection { Jobs = 3, DestinationPath = "/x", Tag = ["a"] };

        Assert.Equal(3, BuildOptionTable.Jobs.FileKeys.Single().Read(file));
        Assert.Equal("/x", BuildOptionTable.DestPath.FileKeys.Select(k => k.Read(file)).Single(v => v is not null));
        Assert.Equal(["a"], (List<string>)BuildOptionTable.Tags.FileKeys.Single().Read(file)!);
    }

    [Fact]
    public void The_parser_has_one_option_per_row()
    {
        var cli = new BuildCommandLine();

        Assert.Equal(BuildOptionTable.Options.Select(o => o.Flag), cli.Command.Options.Select(o => o.Name).Where(n => n != "--help"));
    }
}
