using Tko.Cli;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>List values split on ',' with <c>\,</c> for a comma inside an item; other backslashes are kept.</summary>
public sealed class CommaListSplitting
{
    [Theory]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData(" a , ,b ,", new[] { "a", "b" })]
    [InlineData(@"a\,b,c", new[] { "a,b", "c" })]
    [InlineData(@"a\\,b", new[] { @"a\", "b" })]
    [InlineData(@"C:\dir\x,y", new[] { @"C:\dir\x", "y" })]
    [InlineData(@"end\", new[] { @"end\" })]
    [InlineData("", new string[0])]
    public void Splits_on_unescaped_commas(string text, string[] expected) =>
        Assert.Equal(expected, CommaList.Split(text));
}
