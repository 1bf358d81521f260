using System.Collections.Immutable;
using System.Text.Json;
using System.Text;
using Xunit;

namespace Tko.Integration.Model;

/// <summary>Documents are written compact, with media types unescaped and string maps in ordinal key order whatever their comparer.</summary>
public sealed class CanonicalJsonWritesLikeGo
{
    private static readonly Digest SomeDigest = Digest.OfContent("blob"u8);

    [Fact]
    public void Media_types_keep_their_plus_sign()
    {
        var manifest = new Manifest(MediaTypes.OciManifest, new Descriptor(MediaTypes.OciConfig, SomeDigest, 1), [new Descriptor(MediaTypes.OciLayerGzip, SomeDigest, 2)]);

        string json = Encoding.UTF8.GetString(CanonicalJson.Serialize(manifest));

        Assert.Contains("\"application/vnd.oci.image.manifest.v1+json\"", json, StringComparison.Ordinal);
        Assert.Contains("\"application/vnd.oci.image.layer.v1.tar+gzip\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
        Assert.StartsWith("{\"schemaVersion\":2,", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_come_out_in_ordinal_order_whatever_the_dictionarys_comparer()
    {
        string[] keys = ["b", "a", "B", "_", "Z", "é", "a.b"];
        var labels = keys.ToImmutableSortedDictionary(k => k, k => k.ToUpperInvariant(), new ReverseOrdinal());
        var config = new ImageConfig("amd64", "linux") { Config = new ContainerConfig { Labels = labels } };

        using JsonDocument written = JsonDocument.Parse(CanonicalJson.Serialize(config));

        IEnumerable<string> order = written.RootElement.GetProperty("config").GetProperty("Labels").EnumerateObject().Select(p => p.Name);
        Assert.Equal(keys.Order(StringComparer.Ordinal), order);
    }

    [Fact]
    public void Annotations_read_in_any_order_come_out_in_ordinal_order()
    {
        string index = $$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciIndex}}","manifests":[],"annotations":{"z":"1","A":"2","m":"3","a":"4"} }""";

        ImageIndex parsed = CanonicalJson.ParseIndex(Encoding.UTF8.GetBytes(index));
        using JsonDocument written = JsonDocument.Parse(CanonicalJson.Serialize(parsed));

        Assert.Equal(["A", "a", "m", "z"], written.RootElement.GetProperty("annotations").EnumerateObject().Select(p => p.Name));
    }

    private sealed class ReverseOrdinal : IComparer<string>
    {
        public int Compare(string? x, string? y) => string.CompareOrdinal(y, x);
    }
}
