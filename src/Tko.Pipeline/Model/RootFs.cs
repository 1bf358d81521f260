using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Tko;

/// <summary>The config's list of layer diffIDs (SHA-256 of each uncompressed layer), base layers first.</summary>
[GenerateWith]
public sealed partial record RootFs(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("diff_ids")] ImmutableList<Digest> DiffIds)
{
    /// <summary>An empty root file system, as in <c>scratch</c>.</summary>
    public static RootFs Empty { get; } = new("layers", []);
}
