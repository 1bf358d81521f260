namespace Tko.Registry;

/// <summary>Writes log lines with secrets removed, when the client was given a log.</summary>
internal sealed class RequestLog(IObserver<string>? sink, Redactor redactor)
{
    public Redactor Redactor { get; } = redactor;

    public bool Enabled => sink is not null;

    public void Write(string line)
    {
        sink?.OnNext("registry: " + Redactor.Text(line));
    }
}
