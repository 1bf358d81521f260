namespace Tko.Cli.Progress;

/// <summary>Chooses how a build's progress is shown on stderr: bars on a terminal, sparse lines in a log, nothing when quiet.</summary>
internal static class ProgressDisplay
{
    /// <summary>
    /// Starts showing <paramref name="session"/>'s progress; call before it runs. With
    /// <paramref name="verbose"/>, log lines go to stderr as the build runs, and bars redrawn in
    /// place would overwrite them: the plain lines are used even on a terminal.
    /// </summary>
    public static IProgressView Start(BuildSession session, bool quiet, bool verbose)
    {
        if (quiet) return new SilentProgress();
        string verb = session.Spec.Target.Kind == TargetKind.Registry ? "upload" : "write";
        bool labelPlatforms = session.Spec.Platforms.Count > 1;
        return !verbose && IsTerminal()
            ? new TerminalProgress(session.Events, Console.Error, verb, labelPlatforms, TerminalWidth)
            : new PlainProgress(session.Events, Console.Error, verb, labelPlatforms);
    }

    private static bool IsTerminal() =>
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not ("dumb" or null or "");

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    private sealed class SilentProgress : IProgressView
    {
        public void Finish() { }
        public void Dispose() { }
    }
}
