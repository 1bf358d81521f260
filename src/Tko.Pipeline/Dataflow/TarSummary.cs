namespace Tko.Dataflow;

/// <summary>What the tar stage learnt of the uncompressed stream: its digest (the diffID), CRC-32 and length.</summary>
internal sealed record TarSummary(Digest DiffId, uint Crc32, long Length, int EntryCount);
