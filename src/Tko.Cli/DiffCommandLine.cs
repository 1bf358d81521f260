using System.CommandLine;
using Tko.Cli.DotEnv;

namespace Tko.Cli;

/// <summary>
/// <c>tko diff REF_A REF_B</c>: why two images differ. Exit codes follow diff(1) and cmp(1), so a
/// script can tell a difference from a failure: 0 identical, 1 different, 2 trouble (a usage
/// error, or an image that cannot be read).
/// </summary>
internal sealed class DiffCommandLine
{
    public const int Identical = 0;
    public const int Different = 1;
    public const int Trouble = 2;

    public Argument<string> ImageA { get; } = new("REF_A") { Description = "First image: a registry reference, oci:PATH[:TAG], oci-archive:PATH, docker-archive:PATH, or the path of an image tarball or OCI layout" };
    public Argument<string> ImageB { get; } = new("REF_B") { Description = "Second image, in any of the same forms" };
    public Option<bool> Json { get; } = new("--json") { Description = "Print the differences as JSON instead of a table" };
    public Option<string?> Platform { get; } = new("--platform") { Description = "Compare only this platform (os/arch[/variant]) of an index [default: every platform the images have]" };
    public Option<string[]> InsecureRegistries { get; } = new("--insecure-registry") { Description = "Registry HOST[:PORT] reached over plain HTTP or with an unverified certificate, repeatable [env: TKO_INSECURE_REGISTRIES]" };
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log registry requests and explain failures in detail" };

    public Command Command { get; }

    public DiffCommandLine()
    {
        Command = new Command("diff", "Show why two images differ: manifests and configs field by field, layers entry by entry; exit 0 when identical, 1 when they differ, 2 on trouble")
        {
            ImageA, ImageB, Json, Platform, InsecureRegistries, Verbose,
        };
        Command.SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        bool verbose = parsed.GetValue(Verbose);
        try
        {
            DiffOptions options = Options(parsed, DotEnvFiles.Under(Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory()).Get);
            ImageComparison comparison = await ImageDiff.CompareAsync(parsed.GetValue(ImageA)!, parsed.GetValue(ImageB)!, options, VerboseLog.For(verbose), cancellationToken);
            if (parsed.GetValue(Json))
                Console.Out.WriteLine(ImageDiff.ToJson(comparison));
            else
                DiffTable.Write(comparison, Console.Out);
            return comparison.Identical ? Identical : Different;
        }
        catch (Exception e)
        {
            FailureReport.Print(e, verbose, Console.Error);
            return Trouble;
        }
    }

    private DiffOptions Options(ParseResult parsed, Func<string, string?> environment)
    {
        Platform? platform = null;
        if (parsed.GetValue(Platform) is { } text)
        {
            try
            {
                platform = Tko.Platform.Parse(text);
            }
            catch (FormatException e)
            {
                throw new OptionException("--platform", e.Message);
            }
        }
        string[] insecure = parsed.GetValue(InsecureRegistries) is { Length: > 0 } flags
            ? flags
            : [.. CommaList.Split(environment("TKO_INSECURE_REGISTRIES") ?? "")];
        RegistryClientOptions registry = RegistryClientOptions.FromEnvironment() with
        {
            InsecureRegistries = [.. insecure],
        };
        return new DiffOptions(platform, registry);
    }
}
