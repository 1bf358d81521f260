
namespace Tko.Cli;

/// <summary>Turns a failure into one line on stderr and an exit code: 2 for usage, 1 for everything else.</summary>
internal static class FailureReport
{
    public const int BuildFailed = 1;
    public const int UsageError = 2;

    public static int Print(Exception failure, bool verbose, TextWriter stderr)
    {
        (string line, int code) = failure switch
        {
            OptionException e => (e.Message, UsageError),
            TkoException e => (e.Message, BuildFailed),
            OperationCanceledException => ("cancelled", BuildFailed),
            _ => ($"unexpected failure: {failure.Message} (run with -v for details)", BuildFailed),
        };
        stderr.WriteLine($"tko: {OneLine(line)}");
        if (verbose)
            stderr.WriteLine(failure.ToString());
        return code;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
