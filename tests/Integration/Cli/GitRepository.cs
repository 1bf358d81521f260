using Tko.Testing;

namespace Tko.Integration.Cli;

/// <summary>A throwaway git repository holding a source directory, for <c>--auto-version-annotation git</c>.</summary>
public sealed class GitRepository : IDisposable
{
    private readonly TempDirectory _root = new("git");
    private readonly TempDirectory _outputs = new("git-out");
    private readonly string _git = RequiredTool.Find("git", "git");

    private GitRepository() { }

    public string Root => _root.Path;
    public string Source => _root.Combine("dist");

    /// <summary>A directory for build outputs outside the work tree, so writing them does not make it dirty.</summary>
    public string Output(string name) => _outputs.Combine(name);

    /// <summary>A repository with dist/app committed (and dist/ itself ignored by nothing, so changing it makes the tree dirty).</summary>
    public static async Task<GitRepository> CreateAsync()
    {
        var repository = new GitRepository();
        Directory.CreateDirectory(repository.Source);
        File.WriteAllText(Path.Combine(repository.Source, "app"), "#!/bin/sh\n");
        await repository.GitAsync("init", "-q", "-b", "main");
        await repository.GitAsync("add", "-A");
        await repository.GitAsync("commit", "-q", "-m", "first");
        return repository;
    }

    public async Task<string> HeadAsync() => (await GitAsync("rev-parse", "HEAD")).Trim();

    public Task TagAsync(string name) => GitAsync("tag", name);

    public async Task<string> GitAsync(params string[] arguments)
    {
        var environment = new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_NAME"] = "t", ["GIT_AUTHOR_EMAIL"] = "t@example.com",
            ["GIT_COMMITTER_NAME"] = "t", ["GIT_COMMITTER_EMAIL"] = "t@example.com",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null", ["GIT_CONFIG_NOSYSTEM"] = "1",
        };
        return (await ProcessRunner.RunCheckedAsync(_git, ["-C", Root, .. arguments], Root, environment)).StandardOutput;
    }

    public void Dispose()
    {
        _root.Dispose();
        _outputs.Dispose();
    }
}
