using FsCheck.Xunit;
using Tko.Properties.Trees;

namespace Tko.Properties;

/// <summary>
/// Tree properties materialise every case on disk and build several layers, so they run fewer
/// cases than FsCheck's default of 100; trees are still varied enough to reach every header path.
/// </summary>
public sealed class TreePropertyAttribute : PropertyAttribute
{
    public TreePropertyAttribute()
    {
        Arbitrary = [typeof(TreeArbitraries)];
        MaxTest = 25;
        QuietOnSuccess = true;
    }
}

public static class TreeArbitraries
{
    public static FsCheck.Arbitrary<TreeSpec> Trees() => TreeGenerators.Trees();
}
