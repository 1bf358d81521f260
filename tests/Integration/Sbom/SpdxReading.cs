using System.Text.Json;

namespace Tko.Integration.Sbom;

/// <summary>An SPDX document as a test reads it: its packages, files and relationships by SPDX id.</summary>
internal sealed class SpdxReading
{
    private SpdxReading(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static SpdxReading Parse(byte[] json) => new(JsonDocument.Parse(json).RootElement.Clone());

    public IEnumerable<JsonElement> Packages => Root.GetProperty("packages").EnumerateArray();

    public IEnumerable<JsonElement> Files => Root.GetProperty("files").EnumerateArray();

    public JsonElement Package(string id) => Packages.Single(p => p.GetProperty("SPDXID").GetString() == id);

    /// <summary>The ids <paramref name="from"/> relates to by <paramref name="type"/>.</summary>
    public IEnumerable<string> Related(string from, string type) =>
        Root.GetProperty("relationships").EnumerateArray()
            .Where(r => r.GetProperty("spdxElementId").GetString() == from && r.GetProperty("relationshipType").GetString() == type)
            .Select(r => r.GetProperty("relatedSpdxElement").GetString()!);

    public JsonElement File(string id) => Files.Single(f => f.GetProperty("SPDXID").GetString() == id);

    public static string Checksum(JsonElement element, string algorithm) =>
        element.GetProperty("checksums").EnumerateArray().Single(c => c.GetProperty("algorithm").GetString() == algorithm).GetProperty("checksumValue").GetString()!;

    public static string Purl(JsonElement package) =>
        package.GetProperty("externalRefs").EnumerateArray().Single(r => r.GetProperty("referenceType").GetString() == "purl").GetProperty("referenceLocator").GetString()!;
}
