using Xunit;

namespace Tko.Integration.Model;

/// <summary>Digest.Parse accepts only sha256 with 64 lowercase hex digits, and quotes anything else in its message.</summary>
public sealed class DigestParsing
{
    private static readonly string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void Well_formed_digest_round_trips()
    {
        Digest digest = Digest.Parse($"sha256:{Hex}");

        Assert.Equal(("sha256", Hex), (digest.Algorithm, digest.Hex));
        Assert.Equal($"sha256:{Hex}", digest.ToString());
    }

    public static TheoryData<string> BadDigests => new()
    {
        "",
        "sha256:",
        Hex,
        "sha256:" + Hex[..63],
        "sha256:" + Hex + "0",
        "sha256:" + Hex.ToUpperInvariant(),
        "sha512:" + Hex,
        "SHA256:" + Hex,
        " sha256:" + Hex,
        "sha256:" + Hex[..63] + "g",
    };

    [Theory]
    [MemberData(nameof(BadDigests))]
    public void Bad_digest_is_refused_quoting_it(string text)
    {
        var failure = Assert.Throws<FormatException>(() => Digest.Parse(text));

        Assert.Contains($"'{text}'", failure.Message, StringComparison.Ordinal);
        Assert.Null(Digest.TryParse(text));
    }
}
