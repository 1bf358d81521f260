using System.CommandLine;
using System.Diagnostics;
using Tko.Cli.Progress;
using Tko.Cli;
using Tko;

// `tko version` answers before the command tree is built: scripts call it to probe for tko, so it stays instant.
if (args is ["version"])
{
    Console.Out.WriteLine(ToolVersion.Text);
    return 0;
}

if (SupportedSystem.Refusal(OperatingSystem.IsLinux()) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return FailureReport.UsageError;
}

var build = new BuildCommandLine();
var diff = new DiffCommandLine();
var versionVerbose = new Option<bool>("--verbose", "-v") { Description = "Also print the .NET runtime and the compressor (zlib-ng) versions actually loaded, which layer bytes depend on" };
var version = new Command("version", "Print tko's version") { versionVerbose };
var root = new RootCommand("tko: build OCI images from a base image and a directory of artifacts, without a daemon") { build.Command, diff.Command, version };
BuildHelp.Install(root, build.Command);

version.SetAction(parsed =>
{
    foreach (string line in VersionReport.Lines(parsed.GetValue(versionVerbose)))
        Console.Out.WriteLine(line);
    return 0;
});

build.Command.SetAction(async (parsed, cancellationToken) =>
{
    bool verbose = parsed.GetValue(build.Verbose);
    bool quiet = parsed.GetValue(build.Quiet);
    BuildInvocation? invocation = null;
    try
    {
        invocation = BuildSettings.Resolve(parsed, build, Environment.GetEnvironmentVariable);
        (verbose, quiet) = (invocation.Verbose, invocation.Quiet);
        BuildSpec spec = invocation.Spec;
        foreach (string warning in invocation.Warnings)
            Console.Error.WriteLine($"tko: {warning}");
        var clock = Stopwatch.StartNew();
        using BuildSession session = Build.Create(spec, VerboseLog.For(invocation.Verbose));
        using IProgressView progress = ProgressDisplay.Start(session, quiet, verbose);
        BuildResult result = await session.RunAsync(cancellationToken);
        progress.Finish();
        if (!quiet)
        {
            foreach (BuildWarning warning in result.Warnings)
                Console.Error.WriteLine($"tko: warning: {invocation.Describe(warning)}");
            Console.Error.WriteLine(BuildSummary.Describe(result, clock.Elapsed));
        }
        foreach (string warning in result.Sboms.SelectMany(sbom => sbom.Warnings))
            Console.Error.WriteLine($"tko: warning: {warning}");
        invocation.WriteSboms(result.Sboms);
        invocation.WriteImageRefs(result.Reference);
        invocation.WriteMetadata(result);
        Console.Out.WriteLine(result.Reference);
        return 0;
    }
    catch (Exception e)
    {
        return FailureReport.Print(invocation?.Explain(e) ?? e, verbose, Console.Error);
    }
});

// `tko` alone is a question, not a typo: the usage answers it, once, on stderr since it is no result.
if (args.Length == 0)
{
    root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = Console.Error });
    return FailureReport.UsageError;
}

ParseResult parseResult = root.Parse(args);
string helpCommand = parseResult.CommandResult.Command == root ? "tko --help" : $"tko {parseResult.CommandResult.Command.Name} --help";
if (UnknownOption.In(parseResult, build.Source) is { } unknown)
{
    Console.Error.WriteLine($"tko: unknown option {unknown}; write -- before a SOURCE that starts with '-' (see {helpCommand})");
    return FailureReport.UsageError;
}
if (parseResult.Errors.Count > 0)
{
    string problems = string.Join("; ", parseResult.Errors.Select(e => e.Message.TrimEnd('.')));
    Console.Error.WriteLine($"tko: {problems} (see {helpCommand})");
    return FailureReport.UsageError;
}
// System.CommandLine 2.0.0 leaves Ctrl+C and SIGTERM unhandled by default (the process dies with its
// staging directories and temporary files): turn them into cancellation, which cleans up, and allow time for it.
return await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(10) });
