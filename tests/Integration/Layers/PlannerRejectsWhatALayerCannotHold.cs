using System.Net.Sockets;
using Tko.Testing;
using Xunit;

namespace Tko.Integration.Layers;

/// <summary>Fifos and sockets in the source cannot become layer entries: planning fails naming the path.</summary>
public sealed class PlannerRejectsWhatALayerCannotHold
{
    [Fact]
    public void Fifo_is_rejected_naming_its_path()
    {
        using var source = new TempDirectory("plan-fifo");
        File.WriteAllText(source.Combine("app"), "ok");
        Directory.CreateDirectory(source.Combine("run"));
        string fifo = source.Combine("run", "pipe");
        SpecialFiles.CreateFifo(fifo);

        SourceSnapshot snapshot = SourceScanner.Scan(source.Path);
        var failure = Assert.Throws<SourceException>(() => LayerPlanner.Plan(snapshot, "/tko-app", 0, 0, FileModes.Kept));

        Assert.Equal(fifo, failure.Path);
        Assert.Contains(fifo, failure.Message, StringComparison.Ordinal);
        Assert.Contains("fifo", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Socket_is_rejected_naming_its_path()
    {
        using var source = new TempDirectory("plan-sock");
        string path = source.Combine("control.sock");
        using Socket socket = SpecialFiles.CreateSocket(path);

        SourceSnapshot snapshot = SourceScanner.Scan(source.Path);
        var failure = Assert.Throws<SourceException>(() => LayerPlanner.Plan(snapshot, "/tko-app", 0, 0, FileModes.Kept));

        Assert.Equal(path, failure.Path);
        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        Assert.Contains("socket", failure.Message, StringComparison.Ordinal);
    }
}
