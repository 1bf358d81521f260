using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using Tko.Building;
using Tko.Cli;
using Tko.Model;

var build = new BuildCommandLine();
var version = new Command("version", "Print tko's version");
var root = new RootCommand("tko: build OCI images from a base image and a directory of artifacts, without a daemon") { build.Command, version };

version.SetAction(_ =>
{
    Console.Out.WriteLine(typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");
    return 0;
});

build.Command.SetAction(async (parsed, cancellationToken) =>
{
    bool verbose = parsed.GetValue(build.Verbose);
    bool quiet = parsed.GetValue(build.Quiet);
    try
    {
        BuildInvocation invocation = BuildSettings.Resolve(parsed, build, Environment.GetEnvironmentVariable);
        (verbose, quiet) = (invocation.Verbose, invocation.Quiet);
        BuildSpec spec = invocation.Spec;
        var clock = Stopwatch.StartNew();
        BuildResult result = await Build.RunAsync(spec, cancellationToken);
        if (!quiet)
            Console.Error.WriteLine(BuildSummary.Describe(result, clock.Elapsed));
        invocation.WriteImageRefs(result.Reference);
        Console.Out.WriteLine(result.Reference);
        return 0;
    }
    catch (Exception e)
    {
        return FailureReport.Print(e, verbose, Console.Error);
    }
});

ParseResult parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
{
    string problems = string.Join("; ", parseResult.Errors.Select(e => e.Message.TrimEnd('.')));
    Console.Error.WriteLine($"tko: {problems} (see tko {parseResult.CommandResult.Command.Name} --help)");
    return FailureReport.UsageError;
}
return await parseResult.InvokeAsync();
