namespace Tko.Outputs;

/// <summary>
/// A new layer on its way into a destination: the pipeline writes its bytes, then it is completed
/// with its digests. Disposing it uncompleted discards what was written (a temporary file, an upload session).
/// </summary>
internal interface IPendingLayer : ILayerSink, IAsyncDisposable
{
    /// <summary>The bytes written are the layer <paramref name="layer"/>: store it under its digest.</summary>
    Task CompleteAsync(LayerResult layer, CancellationToken cancellationToken);
}
