using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Tko;

/// <summary>
/// What a build made, as one JSON document for CI (as buildx's <c>--metadata-file</c>): the
/// properties are written in this order, always; a property that does not apply is left out.
/// </summary>
/// <param name="Reference">The printed reference, <c>NAME@sha256:…</c>.</param>
/// <param name="Digest">The digest of the manifest, or of the index for several platforms.</param>
/// <param name="MediaType">The media type of that manifest or index.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Target">Where the image went.</param>
/// <param name="Tags">The tags pushed, loaded or recorded, in order.</param>
/// <param name="Platforms">Each platform's image, in the order given.</param>
/// <param name="AlsoOutputs">The extra layouts and tarballs written, in order.</param>
/// <param name="BytesUploaded">Bytes sent to a registry target; null for other targets.</param>
/// <param name="DurationSeconds">How long the build took, in seconds (to the millisecond).</param>
public sealed record BuildMetadataDocument(
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("digest")] Digest Digest,
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("target")] MetadataTarget Target,
    [property: JsonPropertyName("tags")] ImmutableList<string> Tags,
    [property: JsonPropertyName("platforms")] ImmutableList<MetadataPlatform> Platforms,
    [property: JsonPropertyName("alsoOutputs")] ImmutableList<MetadataTarget> AlsoOutputs,
    [property: JsonPropertyName("bytesUploaded")] long? BytesUploaded,
    [property: JsonPropertyName("durationSeconds")] double DurationSeconds)
{
    /// <summary>buildx's key for <see cref="Digest"/>, for scripts written against buildx.</summary>
    [JsonPropertyName("containerimage.digest")] public Digest BuildxDigest => Digest;

    /// <summary>buildx's key for the names given, <c>NAME:TAG</c> comma-separated.</summary>
    [JsonPropertyName("image.name")] public string BuildxImageName => string.Join(',', Tags.Select(tag => $"{Name}:{tag}"));

    /// <summary>The image name, <see cref="Reference"/> without its digest.</summary>
    [JsonIgnore] public string Name => Reference[..Reference.LastIndexOf('@')];
}

/// <summary>An output of a build.</summary>
/// <param name="Type"><c>registry</c>, <c>daemon</c>, <c>oci-layout</c> or <c>docker-archive</c>.</param>
/// <param name="Location">The repository, the daemon's address or the full path written.</param>
public sealed record MetadataTarget(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("location")] string Location);

/// <summary>One platform's image.</summary>
/// <param name="Platform"><c>os/arch[/variant]</c>.</param>
/// <param name="Manifest">The platform's manifest.</param>
/// <param name="Config">The platform's config.</param>
/// <param name="Layers">The manifest's layers, bottom first.</param>
public sealed record MetadataPlatform(
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("manifest")] MetadataBlob Manifest,
    [property: JsonPropertyName("config")] MetadataBlob Config,
    [property: JsonPropertyName("layers")] ImmutableList<MetadataLayer> Layers);

/// <summary>A blob or manifest.</summary>
public sealed record MetadataBlob(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("digest")] Digest Digest,
    [property: JsonPropertyName("size")] long Size);

/// <summary>A layer of a platform's image.</summary>
/// <param name="MediaType">As the manifest lists it.</param>
/// <param name="Digest">Of the compressed blob.</param>
/// <param name="Size">Of the compressed blob.</param>
/// <param name="DiffId">Of the uncompressed tar.</param>
/// <param name="Origin"><c>reused</c> (a base layer) or <c>built</c> (the new layer).</param>
/// <param name="Transfer">For a registry: <c>present</c>, <c>mounted</c>, <c>copied</c> or <c>uploaded</c>.</param>
public sealed record MetadataLayer(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("digest")] Digest Digest,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("diffID")] Digest? DiffId,
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("transfer")] string? Transfer);
