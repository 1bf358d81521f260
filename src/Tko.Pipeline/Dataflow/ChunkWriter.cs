using System.Buffers;
using System.IO.Hashing;
using System.Security.Cryptography;
using Tko.Compression;

namespace Tko.Dataflow;

/// <summary>
/// Cuts the tar stream into fixed-size chunks in pooled buffers and hashes it as it goes:
/// SHA-256 for the diffID, CRC-32 for the gzip trailer. Content is read straight into the chunk
/// buffer, so file bytes are copied once.
/// </summary>
internal sealed class ChunkWriter : IDisposable
{
    private readonly int _chunkSize;
    private readonly Func<TarChunk, ValueTask> _emit;
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Crc32 _crc32 = new();
    private byte[] _buffer;
    private int _position;
    private long _index;

    public ChunkWriter(int chunkSize, Func<TarChunk, ValueTask> emit)
    {
        _chunkSize = chunkSize;
        _emit = emit;
        _buffer = ArrayPool<byte>.Shared.Rent(chunkSize);
    }

    /// <summary>Bytes of tar written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Room left in the current chunk; emits it first when it is full.</summary>
    public async ValueTask<Memory<byte>> FreeSpaceAsync()
    {
        if (_position == _chunkSize)
            await EmitAsync();
        return _buffer.AsMemory(_position, _chunkSize - _position);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the free space as written.</summary>
    public void Advance(int count)
    {
        _position += count;
        Length += count;
    }

    /// <summary>Copies <paramref name="bytes"/> into the stream, across chunk boundaries as needed.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            Memory<byte> free = await FreeSpaceAsync();
            int count = Math.Min(free.Length, bytes.Length);
            bytes[..count].CopyTo(free);
            Advance(count);
            bytes = bytes[count..];
        }
    }

    /// <summary>Writes <paramref name="count"/> zero bytes.</summary>
    public async ValueTask WriteZerosAsync(long count)
    {
        while (count > 0)
        {
            Memory<byte> free = await FreeSpaceAsync();
            int length = (int)Math.Min(free.Length, count);
            free.Span[..length].Clear(); // pooled buffers hold old data
            Advance(length);
            count -= length;
        }
    }

    /// <summary>Writes zero bytes up to the next multiple of <paramref name="block"/>.</summary>
    public ValueTask PadAsync(int block) => WriteZerosAsync((block - Length % block) % block);

    /// <summary>Emits the last, possibly short, chunk and returns the stream's SHA-256 and CRC-32.</summary>
    public async ValueTask<(byte[] Sha256, uint Crc32)> CompleteAsync()
    {
        if (_position > 0)
            await EmitAsync();
        return (_sha256.GetHashAndReset(), _crc32.GetCurrentHashAsUInt32());
    }

    private async ValueTask EmitAsync()
    {
        var chunk = new TarChunk(_index++, _buffer, _position);
        _sha256.AppendData(_buffer, 0, _position);
        _crc32.Append(_buffer.AsSpan(0, _position));
        _buffer = ArrayPool<byte>.Shared.Rent(_chunkSize);
        _position = 0;
        await _emit(chunk);
    }

    public void Dispose()
    {
        _sha256.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }
}
