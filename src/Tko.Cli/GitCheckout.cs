using System.Collections.Immutable;
using System.Diagnostics;

namespace Tko.Cli;

/// <summary>What <c>--auto-version-annotation git</c> needs to know of a checkout: HEAD's commit, whether the work tree is dirty and the tags on HEAD.</summary>
/// <param name="Commit">The full commit id of HEAD.</param>
/// <param name="Dirty">True when <c>git status --porcelain</c> lists anything (untracked files included).</param>
/// <param name="Tags">The tags that point at HEAD.</param>
internal sealed record GitCheckout(string Commit, bool Dirty, ImmutableList<string> Tags)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Asks git about the checkout holding <paramref name="directory"/>; <paramref name="setting"/> names the option in an error.</summary>
    public static GitCheckout Read(string directory, string setting)
    {
        string commit = Git(directory, setting, "rev-parse", "--verify", "HEAD").Trim();
        bool dirty = Git(directory, setting, "status", "--porcelain").Trim().Length > 0;
        ImmutableList<string> tags = [.. Git(directory, setting, "tag", "--points-at", "HEAD")
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        return new GitCheckout(commit, dirty, tags);
    }

    private static string Git(string directory, string setting, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // A status run must not take the index lock another git process may hold.
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("git did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new OptionException(setting, $"git: cannot run git ({e.Message}); install git or use --auto-version-annotation none");
        }
        using (process)
        {
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new OptionException(setting, $"git: 'git {string.Join(' ', arguments)}' did not finish in {Timeout.TotalSeconds:0} s in {directory}");
            }
            if (process.ExitCode != 0)
            {
                string reason = error.Result.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? $"exit {process.ExitCode}";
                throw new OptionException(setting, reason.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
                    ? $"git: {directory} is not inside a git repository; build from a checkout or use --auto-version-annotation none"
                    : $"git: 'git {string.Join(' ', arguments)}' failed in {directory}: {reason}");
            }
            return output.Result;
        }
    }
}
