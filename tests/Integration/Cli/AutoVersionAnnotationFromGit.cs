using Tko.Testing;
using Xunit;

namespace Tko.Integration.Cli;

/// <summary>
/// <c>--auto-version-annotation git</c>: revision = HEAD, version = the one X.Y.Z tag or
/// <c>snapshot-COMMIT</c>, <c>-dirty</c> on both when the tree has changes; outside a checkout,
/// with several tags or a tag that is not a version, exit 2 with one line and nothing written.
/// </summary>
public sealed class AutoVersionAnnotationFromGit
{
    private const string Revision = "org.opencontainers.image.revision";
    private const string Version = "org.opencontainers.image.version";

    private static async Task<(ProcessResult Result, string Output)> BuildAsync(GitRepository repository, params string[] extra)
    {
        string output = repository.Output(Guid.NewGuid().ToString("N"));
        ProcessResult result = await TkoCli.BuildAsync(repository.Root,
            [repository.Source, "--base-ref", "scratch", "--target-type", "OCI_LAYOUT", "--output", output, "--auto-version-annotation", "git", .. extra]);
        return (result, output);
    }

    private static IReadOnlyDictionary<string, string> Annotations(string layout) =>
        Assert.Single(ImageValidation.ValidateLayout(layout)).Manifest.Annotations!;

    [Fact]
    public async Task Untagged_clean_head_is_a_snapshot_and_a_tag_is_the_version()
    {
        using GitRepository repository = await GitRepository.CreateAsync();
        string head = await repository.HeadAsync();

        (ProcessResult snapshot, string snapshotOutput) = await BuildAsync(repository);
        CliOutcome.Succeeded(snapshot);
        Assert.Equal(head, Annotations(snapshotOutput)[Revision]);
        Assert.Equal("snapshot-" + head, Annotations(snapshotOutput)[Version]);

        await repository.TagAsync("1.2.3");
        (ProcessResult tagged, string taggedOutput) = await BuildAsync(repository);
        CliOutcome.Succeeded(tagged);
        Assert.Equal("1.2.3", Annotations(taggedOutput)[Version]);
    }

    [Fact]
    public async Task A_v_prefixed_tag_gives_the_bare_version_and_annotations_override_it()
    {
        using GitRepository repository = await GitRepository.CreateAsync();
        await repository.TagAsync("v2.0.1");

        (ProcessResult result, string output) = await BuildAsync(repository, "-a", "org.example.x=1");
        CliOutcome.Succeeded(result);
        Assert.Equal("2.0.1", Annotations(output)[Version]);

        (ProcessResult overridden, string overriddenOutput) = await BuildAsync(repository, "-a", $"{Version}=9.9.9");
        CliOutcome.Succeeded(overridden);
        Assert.Equal("9.9.9", Annotations(overriddenOutput)[Version]);
    }

    [Fact]
    public async Task A_changed_tree_marks_both_dirty()
    {
        using GitRepository repository = await GitRepository.CreateAsync();
        string head = await repository.HeadAsync();
        File.WriteAllText(Path.Combine(repository.Source, "app"), "#!/bin/sh\necho changed\n");

        (ProcessResult result, string output) = await BuildAsync(repository);

        CliOutcome.Succeeded(result);
        Assert.Equal(head + "-dirty", Annotations(output)[Revision]);
        Assert.Equal($"snapshot-{head}-dirty", Annotations(output)[Version]);
    }

    [Fact]
    public async Task Outside_a_repository_is_refused()
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync([.. workspace.OciLayoutTo(workspace.Output("img")), "--auto-version-annotation", "git"]);

        string line = CliOutcome.Failed(result, CliOutcome.UsageError, "--auto-version-annotation");
        Assert.Contains("not inside a git repository", line, StringComparison.Ordinal);
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }

    [Theory]
    [InlineData("two semver tags", "1.0.0", "1.0.1", "several tags")]
    [InlineData("a non-semver tag", "release-candidate", null, "is not a version")]
    public async Task Ambiguous_or_non_version_tags_are_refused(string _, string first, string? second, string naming)
    {
        using GitRepository repository = await GitRepository.CreateAsync();
        await repository.TagAsync(first);
        if (second is not null) await repository.TagAsync(second);

        (ProcessResult result, string output) = await BuildAsync(repository);

        CliOutcome.Failed(result, CliOutcome.UsageError, naming);
        Assert.False(Path.Exists(output));
    }

    [Fact]
    public async Task A_value_other_than_git_or_none_is_refused_naming_the_variable()
    {
        using var workspace = new CliWorkspace();

        ProcessResult result = await workspace.BuildAsync(new Dictionary<string, string?> { ["TKO_AUTO_VERSION_ANNOTATION"] = "svn" },
            workspace.OciLayoutTo(workspace.Output("img")));

        CliOutcome.Failed(result, CliOutcome.UsageError, "TKO_AUTO_VERSION_ANNOTATION");
        CliOutcome.LeftNothingIn(workspace.Outputs);
    }
}
