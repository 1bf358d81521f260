using System.Reflection;
using Xunit;

namespace Tko.Architecture;

/// <summary>
/// A script needs one <c>open Tko</c> (F#) or <c>using Tko;</c> (C#): every public type of the
/// library is in the root namespace, and folders' namespaces hold only internals.
/// </summary>
public sealed class OneOpenReachesThePublicApi
{
    private static readonly Assembly Library = typeof(BuildSpec).Assembly;

    [Fact]
    public void Every_public_type_of_the_library_is_in_the_Tko_namespace()
    {
        string[] elsewhere = [.. Library.GetExportedTypes()
            .Where(t => t.Namespace != "Tko")
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)];
        Assert.True(elsewhere.Length == 0, "public types outside namespace Tko: " + string.Join(", ", elsewhere));
    }

    [Theory]
    [InlineData("BuildSpec")]
    [InlineData("Target")]
    [InlineData("Build")]
    [InlineData("BuildSession")]
    [InlineData("BuildEvent")]
    [InlineData("BuildResult")]
    [InlineData("ImageDiff")]
    [InlineData("RegistryClient")]
    [InlineData("ImageReference")]
    [InlineData("CanonicalJson")]
    public void What_a_script_uses_is_public_in_Tko(string name) =>
        Assert.NotNull(Library.GetType("Tko." + name, throwOnError: false) is { IsPublic: true } type ? type : null);
}
