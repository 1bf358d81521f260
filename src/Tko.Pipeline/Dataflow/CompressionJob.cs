using Tko.Compression;

namespace Tko.Dataflow;

/// <summary>A chunk waiting for a worker, and where the worker puts the result for the in-order reader.</summary>
internal sealed record CompressionJob(TarChunk Chunk, TaskCompletionSource<CompressedChunk> Result);
