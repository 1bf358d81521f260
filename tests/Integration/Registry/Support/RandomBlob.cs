namespace Tko.Integration.Registry;

/// <summary>Pseudo-random bytes of a given size (incompressible, reproducible by seed) and their descriptor.</summary>
internal sealed record RandomBlob(byte[] Bytes, Descriptor Descriptor)
{
    public static RandomBlob Create(int size, int seed = 1)
    {
        byte[] bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return new RandomBlob(bytes, new Descriptor(MediaTypes.OciLayerGzip, Digest.OfContent(bytes), size));
    }

    /// <summary>Writes the bytes to <paramref name="sink"/> in pieces of <paramref name="piece"/> bytes, as the pipeline would.</summary>
    public async Task WriteToAsync(Tko.ILayerSink sink, int piece = 1 << 20)
    {
        for (int offset = 0; offset < Bytes.Length; offset += piece)
            await sink.WriteAsync(Bytes.AsMemory(offset, Math.Min(piece, Bytes.Length - offset)), CancellationToken.None);
    }
}
