namespace Tko.Registry;

/// <summary>Writes log lines with secrets removed, when the options ask for a log.</summary>
internal sealed class RequestLog(Action<string>? sink, Redactor redactor)
{
    public Redactor Redactor { get; } = redactor;

    public bool Enabled => sink is not null;

    public void Write(string line)
    {
        if (sink is not null) sink("registry: " + Redactor.Text(line));
    }
}
