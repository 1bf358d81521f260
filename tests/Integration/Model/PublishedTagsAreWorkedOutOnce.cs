using Tko.Model;
using Tko.Registry;
using Xunit;

namespace Tko.Integration.Model;

/// <summary>
/// The tags a build publishes: the target reference's tag first, then the extra tags, each once;
/// <c>latest</c> only when neither names one. A reference written without a tag is at <c>latest</c>, as Docker reads it.
/// </summary>
public sealed class PublishedTagsAreWorkedOutOnce
{
    [Theory]
    [InlineData("ghcr.io/me/app:v1", new string[0], new[] { "v1" })]
    [InlineData("ghcr.io/me/app:v1", new[] { "stable", "v1" }, new[] { "v1", "stable" })]
    [InlineData("ghcr.io/me/app:v1", new[] { "latest" }, new[] { "v1", "latest" })]
    [InlineData("ghcr.io/me/app", new string[0], new[] { "latest" })]
    [InlineData("ghcr.io/me/app", new[] { "v2" }, new[] { "latest", "v2" })]
    [InlineData("ghcr.io/me/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", new string[0], new[] { "latest" })]
    public void Reference_tag_leads_and_latest_is_only_the_fallback(string reference, string[] extra, string[] expected) =>
        Assert.Equal(expected, PublishedTags.For(ImageReference.Parse(reference), extra));

    [Theory]
    [InlineData(new string[0], new[] { "latest" })]
    [InlineData(new[] { "v1", "v1", "edge" }, new[] { "v1", "edge" })]
    public void Without_a_reference_the_extra_tags_or_latest(string[] extra, string[] expected) =>
        Assert.Equal(expected, PublishedTags.For(null, extra));

    [Fact]
    public void A_library_spec_with_a_tagged_registry_target_publishes_only_that_tag()
    {
        BuildSpec spec = BuildSpec.FromDirectory("app", 0).WithTarget(Target.Registry("ghcr.io/me/app:v1"));

        Assert.Equal(["v1"], PublishedTags.For(spec.Target.Reference, spec.Tags));
    }
}
