namespace Tko.Properties.Trees;

/// <summary>The bytes of a generated file: runs of random bytes and of repeated text, so compression has work of both kinds.</summary>
public static class FileContent
{
    public static byte[] For(int seed, int size)
    {
        var random = new Random(seed);
        var bytes = new byte[size];
        byte[] text = "tko builds reproducible layers; "u8.ToArray();
        for (int offset = 0; offset < size;)
        {
            int run = Math.Min(size - offset, random.Next(1, 16 * 1024));
            if (random.Next(2) == 0)
                random.NextBytes(bytes.AsSpan(offset, run));
            else
                for (int i = 0; i < run; i++) bytes[offset + i] = text[(offset + i) % text.Length];
            offset += run;
        }
        return bytes;
    }
}
