namespace Tko.Cli.Progress;

/// <summary>A build's progress being shown on stderr. Disposing it unfinished (the build failed) takes back what a terminal display drew.</summary>
internal interface IProgressView : IDisposable
{
    /// <summary>The build succeeded: stop updating and leave the final state.</summary>
    void Finish();
}
