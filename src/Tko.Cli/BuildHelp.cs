using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Tko.Cli;

/// <summary>
/// What <c>tko build --help</c> adds after the options (each of which already shows its variables
/// and default, from <see cref="BuildOptionTable"/>): three examples, the exit codes and the
/// variables that are not an option's. The other commands' help is System.CommandLine's own.
/// </summary>
internal static class BuildHelp
{
    /// <summary>An example: what it does, and the arguments after <c>tko build</c>, plain words a shell passes as they are.</summary>
    public sealed record Example(string Purpose, ImmutableArray<string> Arguments);

    public static readonly ImmutableArray<Example> Examples =
    [
        new("Push ./dist onto busybox to a registry, tagged v1 and latest (credentials from docker login, GITHUB_TOKEN or --registry-user/--registry-pass):",
            ["--base-ref", "busybox:1.36", "--target-repo", "ghcr.io/me/app:v1", "--tag", "latest", "./dist"]),
        new("Write ./dist onto scratch as a docker tarball, for docker load -i app.tar:",
            ["--base-ref", "scratch", "--target-type", "LOCAL_FILE", "--output", "app.tar", "--target-repo", "app:v1", "./dist"]),
        new("Push one index for two platforms, from ./dist/linux/amd64/ and ./dist/linux/arm64/:",
            ["--platforms", "linux/amd64,linux/arm64", "--target-repo", "ghcr.io/me/app:v1", "./dist"]),
    ];

    /// <summary>Makes <paramref name="root"/>'s help option end <paramref name="build"/>'s help with <see cref="Write"/>.</summary>
    public static void Install(RootCommand root, Command build)
    {
        HelpOption option = root.Options.OfType<HelpOption>().Single();
        option.Action = new EndingHelp((HelpAction)option.Action!, build);
    }

    /// <summary>System.CommandLine's help, then, for <c>tko build</c>, <see cref="Write"/> to the same writer (2.0.0 keeps its layout hooks internal).</summary>
    private sealed class EndingHelp(HelpAction help, Command build) : SynchronousCommandLineAction
    {
        // As System.CommandLine's own: asking for help is no error, whatever else is missing.
        public override bool ClearsParseErrors => help.ClearsParseErrors;

        public override int Invoke(ParseResult parseResult)
        {
            int code = help.Invoke(parseResult);
            if (parseResult.CommandResult.Command == build) Write(parseResult.InvocationConfiguration.Output);
            return code;
        }
    }

    /// <summary>The examples, exit codes and variables, as the end of <c>tko build --help</c>.</summary>
    public static void Write(TextWriter output)
    {
        // System.CommandLine's help ends with a blank line already.
        output.WriteLine("Examples:");
        foreach (Example example in Examples)
        {
            output.WriteLine($"  {example.Purpose}");
            output.WriteLine($"    tko build {string.Join(' ', example.Arguments)}");
        }
        output.WriteLine();
        output.WriteLine("Exit codes:");
        output.WriteLine($"  {0}  success: the image reference NAME@sha256:… is the one line on stdout");
        output.WriteLine($"  {FailureReport.BuildFailed}  the build failed: a registry, daemon, file or git error, or it was interrupted (Ctrl+C, SIGTERM)");
        output.WriteLine($"  {FailureReport.UsageError}  usage or settings error: an unknown option, or a bad flag, variable, .env or .tko.yml value; nothing was built");
        output.WriteLine("  A failure is one line on stderr starting 'tko:' that names the flag, variable or file line at fault.");
        output.WriteLine();
        output.WriteLine("Environment:");
        output.WriteLine("  Each option is taken from its flag, else its variable, else .tko.yml (or --config), else its default.");
        output.WriteLine("  .env.local, .env    TKO_* variables from the working directory, under the process environment (.env.local wins)");
        output.WriteLine($"  {"SOURCE_DATE_EPOCH",-18}  seconds since 1970 for every entry's mtime and the image's created time, for reproducible builds [default: 0]");
        output.WriteLine($"  {Target.DockerHostVariableName,-18}  the daemon LOCAL_DAEMON loads into: unix:///PATH or tcp://HOST[:PORT] [default: unix:///var/run/docker.sock]");
    }
}
