using System.Net;
using System.Text.Json;
using Tko.Building;
using Tko.Model;
using Tko.Testing;
using Tko.Testing.Registry;
using Xunit;

namespace Tko.Integration.Registry;

/// <summary>
/// <c>Target.Registry "HOST/app:v1"</c> from the library pushes the image at v1 alone: <c>latest</c>
/// is not moved unless asked for, and is the tag when none is given.
/// </summary>
public sealed class ATaggedTargetMovesOnlyItsTag
{
    private static async Task<string[]> TagsAsync(RegistryServer registry, string repository)
    {
        using var client = new HttpClient(registry.CreateHttpHandler());
        using HttpResponseMessage response = await client.GetAsync(new Uri(registry.BaseUri, $"/v2/{repository}/tags/list"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument tags = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. tags.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData("app:v1", new string[0], new[] { "v1" })]
    [InlineData("app:v1", new[] { "latest" }, new[] { "latest", "v1" })]
    [InlineData("app", new string[0], new[] { "latest" })]
    public async Task Only_the_named_tags_are_pushed(string repository, string[] extraTags, string[] expected)
    {
        await using RegistryServer registry = await RegistryServer.StartAsync(new RegistryOptions());
        using var work = new TempDirectory("tagged-target");
        Directory.CreateDirectory(work.Combine("src"));
        File.WriteAllText(work.Combine("src", "app"), "#!/bin/sh\necho hi\n");
        BuildSpec spec = BuildSpec.FromDirectory(work.Combine("src"), 0)
            .WithTarget(Target.Registry($"{registry.Host}/{repository}"))
            .WithTags([.. extraTags])
            .WithRegistry(new TestClients().Options(registry));

        await Build.RunAsync(spec);

        Assert.Equal(expected, await TagsAsync(registry, "app"));
    }
}
