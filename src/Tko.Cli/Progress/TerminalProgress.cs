using System.Diagnostics;
using System.Reactive.Linq;
using System.Text;

namespace Tko.Cli.Progress;

/// <summary>
/// Live bars on a terminal: events are folded as they come, and the display is redrawn in place
/// from the latest state ten times a second (ANSI cursor-up and erase-line, nothing else).
/// On success the last state stays on screen; on failure the bars are erased, so the error line stands alone.
/// </summary>
internal sealed class TerminalProgress : IProgressView
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private const string Escape = "\u001b[";

    private readonly TextWriter _stderr;
    private readonly string _outputVerb;
    private readonly bool _labelPlatforms;
    private readonly Func<int> _width;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly IDisposable _subscription;
    private BuildProgress _latest = BuildProgress.Empty;
    private int _drawn;
    private bool _finished;

    public TerminalProgress(IObservable<BuildEvent> events, TextWriter stderr, string outputVerb, bool labelPlatforms, Func<int> width)
    {
        (_stderr, _outputVerb, _labelPlatforms, _width) = (stderr, outputVerb, labelPlatforms, width);
        _subscription = events
            .Scan(BuildProgress.Empty, (progress, e) => progress.Apply(e, _clock.Elapsed))
            .Do(progress => Volatile.Write(ref _latest, progress))
            .Sample(Interval)
            .Subscribe(Draw, _ => { }, () => { }); // a failed build is reported by the caller, not here
    }

    public void Finish()
    {
        _subscription.Dispose();
        lock (_gate)
        {
            if (_finished) return;
            _finished = true;
            Redraw(ProgressBars.Render(Volatile.Read(ref _latest), _clock.Elapsed, _outputVerb, _labelPlatforms, _width()));
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_gate)
        {
            if (_finished) return;
            _finished = true;
            Redraw([]);
        }
    }

    private void Draw(BuildProgress progress)
    {
        lock (_gate)
        {
            if (_finished) return;
            Redraw(ProgressBars.Render(progress, _clock.Elapsed, _outputVerb, _labelPlatforms, _width()));
        }
    }

    // Back to the first line drawn, each line rewritten, anything below (a shorter display) erased.
    private void Redraw(IReadOnlyList<string> lines)
    {
        if (_drawn == 0 && lines.Count == 0) return;
        var text = new StringBuilder();
        if (_drawn > 0) text.Append('\r').Append(Escape).Append(_drawn).Append('A');
        foreach (string line in lines) text.Append(Escape).Append("2K").Append(line).Append('\n');
        text.Append(Escape).Append('J');
        _stderr.Write(text.ToString());
        _stderr.Flush();
        _drawn = lines.Count;
    }
}
