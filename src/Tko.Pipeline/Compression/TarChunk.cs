
namespace Tko.Compression;

/// <summary>A fixed-size piece of the tar stream in a pooled buffer. Only the last chunk of a layer may be shorter.</summary>
internal sealed record TarChunk(long Index, byte[] Buffer, int Length);
