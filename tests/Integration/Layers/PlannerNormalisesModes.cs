using System.Collections.Immutable;
using Tko.Integration.Support;
using Xunit;
using static Tko.Integration.Layers.SyntheticSnapshot;

namespace Tko.Integration.Layers;

/// <summary>
/// By default the planner normalises permission bits, so the digest does not depend on the umask;
/// <see cref="FileModes.Keep"/> keeps them and <see cref="ModeRule"/>s set them by path.
/// </summary>
public sealed class PlannerNormalisesModes
{
    private static readonly SourceSnapshot UnderUmask002 = Of((UnixFileMode)0b111_111_101,
        File("README.txt", 0b110_110_100), File("app", 0b111_111_101), Directory("lib", 0b111_111_101), File("lib/x.so", 0b110_110_100));

    private static string[] Modes(SourceSnapshot snapshot, FileModes modes) =>
        [.. LayerPlanner.Plan(snapshot, "/tko-app", 0, 0, modes).Select(e => $"{e.Name} {TreeComparison.Octal(e.Mode)}")];

    [Fact]
    public void Directories_and_executables_become_0755_and_other_files_0644()
    {
        Assert.Equal(["tko-app/ 0755", "tko-app/README.txt 0644", "tko-app/app 0755", "tko-app/lib/ 0755", "tko-app/lib/x.so 0644"],
            Modes(UnderUmask002, FileModes.Normalised));
    }

    [Theory]
    [InlineData(0b000_001_000)] // group execute only
    [InlineData(0b000_000_001)] // other execute only
    [InlineData(0b111_000_000)]
    public void Any_execute_bit_makes_a_file_0755(int mode)
    {
        Assert.Equal("tko-app/tool 0755", Modes(Of((UnixFileMode)0b111_101_101, File("tool", mode)), FileModes.Normalised)[1]);
    }

    [Fact]
    public void Setuid_setgid_and_sticky_bits_are_dropped_unless_kept()
    {
        var snapshot = Of((UnixFileMode)0b111_101_101, File("helper", 0b100_111_101_101), Directory("shared", 0b011_111_111_111), File("plain", 0b010_110_100_100));

        Assert.Equal(["tko-app/ 0755", "tko-app/helper 0755", "tko-app/plain 0644", "tko-app/shared/ 0755"], Modes(snapshot, FileModes.Normalised));
        Assert.Equal(["tko-app/ 0755", "tko-app/helper 4755", "tko-app/plain 2644", "tko-app/shared/ 3777"], Modes(snapshot, FileModes.Kept));
    }

    [Fact]
    public void Keeping_modes_takes_every_entrys_bits_from_disk_the_destination_included()
    {
        Assert.Equal(["tko-app/ 0775", "tko-app/README.txt 0664", "tko-app/app 0775", "tko-app/lib/ 0775", "tko-app/lib/x.so 0664"],
            Modes(UnderUmask002, FileModes.Kept));
    }

    [Fact]
    public void Symlinks_stay_0777_whatever_the_rules()
    {
        var snapshot = Of((UnixFileMode)0b111_101_101, Symlink("link", "app"));
        FileModes rules = FileModes.Normalised.WithRules([ModeRule.Parse("0600=link")]);

        Assert.Equal("tko-app/link 0777", Modes(snapshot, rules)[1]);
    }

    [Fact]
    public void A_rule_sets_the_mode_of_the_paths_it_matches_and_a_later_rule_wins()
    {
        var snapshot = Of((UnixFileMode)0b111_101_101,
            Directory("secrets"), File("secrets/a.key"), File("secrets/b.pem"), File("run.sh"), Directory("tools"), File("tools/deep.sh"));
        FileModes rules = FileModes.Normalised.WithRules(
            [ModeRule.Parse("0600=secrets/*"), ModeRule.Parse("0755=**/*.sh"), ModeRule.Parse("0640=secrets/b.pem,nothing/here")]);

        Assert.Equal(
            ["tko-app/ 0755", "tko-app/run.sh 0755", "tko-app/secrets/ 0755", "tko-app/secrets/a.key 0600", "tko-app/secrets/b.pem 0640",
             "tko-app/tools/ 0755", "tko-app/tools/deep.sh 0755"],
            Modes(snapshot, rules));
    }

    [Fact]
    public void A_directorys_rule_does_not_reach_the_entries_inside_it()
    {
        var snapshot = Of((UnixFileMode)0b111_101_101, Directory("private"), File("private/data"));
        FileModes rules = FileModes.Normalised.WithRules([ModeRule.Parse("0700=private")]);

        Assert.Equal(["tko-app/ 0755", "tko-app/private/ 0700", "tko-app/private/data 0644"], Modes(snapshot, rules));
    }

    [Fact]
    public void Rules_also_apply_over_kept_modes_and_match_names_case_sensitively()
    {
        var snapshot = Of((UnixFileMode)0b111_101_101, File("KEY", 0b110_110_110), File("key", 0b110_110_110));
        FileModes rules = FileModes.Kept.WithRules([ModeRule.Parse("600=key")]);

        Assert.Equal(["tko-app/ 0755", "tko-app/KEY 0666", "tko-app/key 0600"], Modes(snapshot, rules));
    }

    [Theory]
    [InlineData("0600", "not MODE=GLOB")]
    [InlineData("0800=a", "not an octal mode")]
    [InlineData("17777=a", "not an octal mode")]
    [InlineData("=a", "not an octal mode")]
    [InlineData("rw=a", "not an octal mode")]
    [InlineData("0600=a,,b", "empty glob")]
    [InlineData("0600=", "empty glob")]
    public void Malformed_rules_are_refused_quoting_the_input(string text, string problem)
    {
        var failure = Assert.Throws<FormatException>(() => ModeRule.Parse(text));
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
        Assert.Contains($"'{text.Split('=')[0]}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_prints_as_it_parses()
    {
        Assert.Equal("4755=bin/helper,bin/other", ModeRule.Parse("4755=bin/helper, bin/other").ToString());
    }
}
