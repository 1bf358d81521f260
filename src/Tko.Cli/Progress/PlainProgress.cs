using System.Diagnostics;
using System.Reactive.Linq;

namespace Tko.Cli.Progress;

/// <summary>
/// Progress in a log: a line as each stage finishes and a status line every ten seconds while a
/// layer builds, as <see cref="ProgressLines"/> words them; whole lines only, never a carriage return.
/// </summary>
internal sealed class PlainProgress : IProgressView
{
    private static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(10);

    private readonly TextWriter _stderr;
    private readonly string _outputVerb;
    private readonly bool _labelPlatforms;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly IDisposable _events;
    private readonly IDisposable _status;
    private BuildProgress _latest = BuildProgress.Empty;
    private bool _finished;

    public PlainProgress(IObservable<BuildEvent> events, TextWriter stderr, string outputVerb, bool labelPlatforms)
    {
        (_stderr, _outputVerb, _labelPlatforms) = (stderr, outputVerb, labelPlatforms);
        _events = events
            .Scan(BuildProgress.Empty, (progress, e) => progress.Apply(e, _clock.Elapsed))
            .Subscribe(Advance, _ => { }, () => { });
        _status = Observable.Interval(StatusInterval).Subscribe(_ => WriteStatus());
    }

    public void Finish() => Dispose();

    public void Dispose()
    {
        _events.Dispose();
        _status.Dispose();
        lock (_gate) _finished = true;
    }

    private void Advance(BuildProgress progress)
    {
        lock (_gate)
        {
            if (_finished) return;
            if (ProgressLines.WorthReporting(progress))
                Write(ProgressLines.Milestones(_latest, progress, _labelPlatforms));
            _latest = progress;
        }
    }

    private void WriteStatus()
    {
        lock (_gate)
        {
            if (!_finished && ProgressLines.WorthReporting(_latest))
                Write(ProgressLines.Status(_latest, _outputVerb, _labelPlatforms));
        }
    }

    private void Write(IEnumerable<string> lines)
    {
        foreach (string line in lines) _stderr.WriteLine(line);
        _stderr.Flush();
    }
}
