using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Tko;

/// <summary>A content digest such as <c>sha256:9f86d0…</c>: an algorithm and its lowercase hex encoding.</summary>
[JsonConverter(typeof(DigestJsonConverter))]
public sealed record Digest
{
    /// <summary>The algorithm, e.g. <c>sha256</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The lowercase hex encoding of the hash.</summary>
    public string Hex { get; }

    private Digest(string algorithm, string hex) => (Algorithm, Hex) = (algorithm, hex);

    /// <summary>The SHA-256 digest of a hash value already computed.</summary>
    public static Digest FromSha256(ReadOnlySpan<byte> hash) =>
        hash.Length == SHA256.HashSizeInBytes
            ? new Digest("sha256", Convert.ToHexStringLower(hash))
            : throw new ArgumentException("a SHA-256 hash is 32 bytes", nameof(hash));

    /// <summary>The SHA-256 digest of <paramref name="content"/>.</summary>
    public static Digest OfContent(ReadOnlySpan<byte> content) => FromSha256(SHA256.HashData(content));

    /// <summary>Parses <c>sha256:HEX</c> (64 lowercase hex digits); throws <see cref="FormatException"/> quoting the input otherwise.</summary>
    public static Digest Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a digest of the form sha256:<64 lowercase hex digits>");

    /// <summary>Parses <c>sha256:HEX</c>, or returns null when <paramref name="text"/> is not such a digest.</summary>
    public static Digest? TryParse(string? text)
    {
        if (text is null || !text.StartsWith("sha256:", StringComparison.Ordinal)) return null;
        string hex = text["sha256:".Length..];
        if (hex.Length != 64 || !hex.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f')) return null;
        return new Digest("sha256", hex);
    }

    /// <summary>The digest as <c>algorithm:hex</c>.</summary>
    public override string ToString() => $"{Algorithm}:{Hex}";
}
