using System.Formats.Tar;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>Each metadata option of the original tko shows in the built image's config, manifest or layer, from a flag and from its variable.</summary>
public sealed class ImageMetadataOptionsReachTheImage
{
    [Fact]
    public async Task Flags_set_env_user_author_workdir_entrypoint_and_annotations()
    {
        using var workspace = new CliWorkspace();
        string output = workspace.Output("img");

        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(output),
            "-e", "A=1,B=two", "--env", "C=x=y", "--run-as", "65532:65532", "--author", "me@example.com",
            "-d", "/opt/app", "--entrypoint", "/opt/app/run",
            "-A", "org.example.team=core,org.example.tier=gold", "-a", "org.example.tier=platinum", "--annotations", "extra=1"]));

        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(output));
        Assert.Equal(["A=1", "B=two", "C=x=y"], image.Config.Config!.Env!);
        Assert.Equal("65532:65532", image.Config.Config.User);
        Assert.Equal("/opt/app", image.Config.Config.WorkingDir);
        Assert.Equal(["/opt/app/run"], image.Config.Config.Entrypoint!);
        Assert.Equal("me@example.com", image.Config.Author);
        Assert.Equal(new Dictionary<string, string> { ["extra"] = "1", ["org.example.team"] = "core", ["org.example.tier"] = "platinum" },
            image.Manifest.Annotations!.ToDictionary());
    }

    [Fact]
    public async Task Variables_set_the_same_fields()
    {
        using var workspace = new CliWorkspace();
        string output = workspace.Output("img");
        var environment = new Dictionary<string, string?>
        {
            ["TKO_ENV_VARS"] = "K=V",
            ["TKO_RUN_AS"] = "1000",
            ["TKO_AUTHOR"] = "ci",
            ["TKO_DEFAULT_ANNOTATIONS"] = "a=1,b=1",
            ["TKO_ANNOTATIONS"] = "b=2",
        };

        CliOutcome.Succeeded(await workspace.BuildAsync(environment, workspace.OciLayoutTo(output)));

        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(output));
        Assert.Equal(["K=V"], image.Config.Config!.Env!);
        Assert.Equal("1000", image.Config.Config.User);
        Assert.Equal("ci", image.Config.Author);
        Assert.Equal("/tko-app", image.Config.Config.WorkingDir);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }, image.Manifest.Annotations!.ToDictionary());
    }

    [Fact]
    public async Task Scratch_image_without_metadata_options_has_no_annotations_author_or_user()
    {
        using var workspace = new CliWorkspace();
        string output = workspace.Output("img");

        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(output)));

        ValidatedImage image = Assert.Single(ImageValidation.ValidateLayout(output));
        Assert.Null(image.Manifest.Annotations);
        Assert.Null(image.Config.Author);
        Assert.Null(image.Config.Config!.User);
        Assert.Null(image.Config.Config.Env);
    }

    [Fact]
    public async Task Dest_chown_false_keeps_the_source_owners_and_the_default_is_root()
    {
        using var workspace = new CliWorkspace(withSampleTree: false);
        string app = Path.Combine(workspace.Source, "app");
        File.WriteAllText(app, "#!/bin/sh\n");
        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("chown", "coreutils"), ["1234:5678", app]);
        await ProcessRunner.RunCheckedAsync(RequiredTool.Find("chown", "coreutils"), ["4321:8765", workspace.Source]);

        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("root"))));
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("kept")), "--dest-chown=false"]));
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("original-name")), "--destination-chown", "false"]));
        File.WriteAllText(Path.Combine(workspace.Root, ".tko.yml"), "build:\n  destination-chown: false\n");
        CliOutcome.Succeeded(await workspace.BuildAsync(workspace.OciLayoutTo(workspace.Output("from-file"))));
        CliOutcome.Succeeded(await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("flag-over-file")), "--dest-chown"]));

        Assert.Equal([("tko-app/", 0, 0), ("tko-app/app", 0, 0)], Owners(workspace.Output("root")));
        Assert.Equal([("tko-app/", 4321, 8765), ("tko-app/app", 1234, 5678)], Owners(workspace.Output("kept")));
        Assert.Equal(Owners(workspace.Output("kept")), Owners(workspace.Output("original-name")));
        Assert.Equal(Owners(workspace.Output("kept")), Owners(workspace.Output("from-file")));
        Assert.Equal(Owners(workspace.Output("root")), Owners(workspace.Output("flag-over-file")));
    }

    private static (string Name, int Uid, int Gid)[] Owners(string layout)
    {
        byte[] tar = Assert.Single(Assert.Single(ImageValidation.ValidateLayout(layout)).LayerTars);
        using var reader = new TarReader(new MemoryStream(tar));
        var owners = new List<(string, int, int)>();
        while (reader.GetNextEntry() is { } entry) owners.Add((entry.Name, entry.Uid, entry.Gid));
        return [.. owners];
    }
}
