namespace Tko.Outputs;

/// <summary>Streams a layer into a temporary file of a blob directory; renamed to its digest once known.</summary>
internal sealed class FileLayerSink : ILayerSink, IAsyncDisposable
{
    private readonly FileStream _file;

    public FileLayerSink(string temporaryPath)
    {
        TemporaryPath = temporaryPath;
        _file = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
    }

    public string TemporaryPath { get; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await _file.WriteAsync(bytes, cancellationToken);
        }
        catch (IOException e)
        {
            throw new OutputException(TemporaryPath, $"cannot be written ({e.Message})", e);
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
