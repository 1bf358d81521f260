
namespace Tko;

/// <summary>
/// Reads a whole JSON or YAML document into memory, refusing it once it passes a size cap, so a
/// hostile or mistaken input (a 1 GB <c>index.json</c>, <c>/dev/zero</c>) costs at most the cap in
/// memory. The caps are the same whatever the document's source: registry, layout, tarball or file.
/// </summary>
public static class BoundedDocument
{
    /// <summary>Manifests and indexes (registry, layout <c>index.json</c>, docker-archive <c>manifest.json</c>): 4 MiB.</summary>
    public const long ManifestCap = 4 << 20;

    /// <summary>Image configs: 32 MiB.</summary>
    public const long ConfigCap = 32 << 20;

    /// <summary>The settings file <c>.tko.yml</c>: 1 MiB.</summary>
    public const long SettingsCap = 1 << 20;

    private const int ChunkSize = 64 << 10;

    /// <summary>
    /// The document's bytes; when it is larger than <paramref name="cap"/>, throws a <see cref="TkoException"/>
    /// "<paramref name="name"/> is larger than 4 MiB; tko refuses it", so <paramref name="name"/> is the
    /// subject of that sentence (for example "oci:dir: index.json").
    /// </summary>
    public static Task<byte[]> ReadAsync(Stream stream, long cap, string name, CancellationToken cancellationToken) =>
        ReadAsync(stream, cap, () => new TkoException($"{name} {TooLarge(cap)}"), cancellationToken);

    /// <summary>The document's bytes; throws what <paramref name="tooLarge"/> makes when it is larger than <paramref name="cap"/>.</summary>
    public static async Task<byte[]> ReadAsync(Stream stream, long cap, Func<Exception> tooLarge, CancellationToken cancellationToken)
    {
        // A length known up front is refused before any byte is read; otherwise the count decides.
        if (KnownRemaining(stream) > cap) throw tooLarge();
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[ChunkSize];
        for (int read; (read = await stream.ReadAsync(chunk, cancellationToken)) > 0;)
        {
            if (buffer.Length + read > cap) throw tooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The same read for callers that are not asynchronous (the settings file is read before anything starts).</summary>
    public static byte[] Read(Stream stream, long cap, Func<Exception> tooLarge)
    {
        if (KnownRemaining(stream) > cap) throw tooLarge();
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[ChunkSize];
        for (int read; (read = stream.Read(chunk)) > 0;)
        {
            if (buffer.Length + read > cap) throw tooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>"is larger than 4 MiB; tko refuses it" — the reason, for callers that phrase the subject themselves.</summary>
    public static string TooLarge(long cap) =>
        cap >= 1 << 20 ? $"is larger than {cap >> 20} MiB; tko refuses it" : $"is larger than {cap} bytes; tko refuses it";

    private static long KnownRemaining(Stream stream)
    {
        try
        {
            return stream.CanSeek ? stream.Length - stream.Position : 0;
        }
        catch (NotSupportedException)
        {
            return 0;
        }
    }
}
