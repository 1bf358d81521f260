using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Tko.Sbom;

// The SPDX 2.3 JSON shape, only the fields tko fills; property order is the serialised order.

/// <summary>An SPDX 2.3 document.</summary>
internal sealed record SpdxDocument(
    [property: JsonPropertyName("spdxVersion")] string SpdxVersion,
    [property: JsonPropertyName("dataLicense")] string DataLicense,
    [property: JsonPropertyName("SPDXID")] string SpdxId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("documentNamespace")] string DocumentNamespace,
    [property: JsonPropertyName("creationInfo")] SpdxCreationInfo CreationInfo,
    [property: JsonPropertyName("packages")] ImmutableList<SpdxPackage> Packages,
    [property: JsonPropertyName("files")] ImmutableList<SpdxFile> Files,
    [property: JsonPropertyName("relationships")] ImmutableList<SpdxRelationship> Relationships);

/// <summary>When and by what the document was made.</summary>
internal sealed record SpdxCreationInfo(
    [property: JsonPropertyName("created")] string Created,
    [property: JsonPropertyName("creators")] ImmutableList<string> Creators);

/// <summary>A package: the image, its base, or a NuGet package.</summary>
internal sealed record SpdxPackage(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("SPDXID")] string SpdxId,
    [property: JsonPropertyName("versionInfo")] string? VersionInfo,
    [property: JsonPropertyName("downloadLocation")] string DownloadLocation,
    [property: JsonPropertyName("filesAnalyzed")] bool FilesAnalyzed,
    [property: JsonPropertyName("checksums")] ImmutableList<SpdxChecksum>? Checksums,
    [property: JsonPropertyName("primaryPackagePurpose")] string? PrimaryPackagePurpose,
    [property: JsonPropertyName("externalRefs")] ImmutableList<SpdxExternalRef>? ExternalRefs);

/// <summary>A reference to the package elsewhere: its package URL.</summary>
internal sealed record SpdxExternalRef(
    [property: JsonPropertyName("referenceCategory")] string ReferenceCategory,
    [property: JsonPropertyName("referenceType")] string ReferenceType,
    [property: JsonPropertyName("referenceLocator")] string ReferenceLocator);

/// <summary>A file the image's new layer adds.</summary>
internal sealed record SpdxFile(
    [property: JsonPropertyName("fileName")] string FileName,
    [property: JsonPropertyName("SPDXID")] string SpdxId,
    [property: JsonPropertyName("checksums")] ImmutableList<SpdxChecksum> Checksums,
    [property: JsonPropertyName("comment")] string Comment);

/// <summary>A checksum, its value in lowercase hex.</summary>
internal sealed record SpdxChecksum(
    [property: JsonPropertyName("algorithm")] string Algorithm,
    [property: JsonPropertyName("checksumValue")] string ChecksumValue);

/// <summary>How two elements relate, e.g. the image CONTAINS a file.</summary>
internal sealed record SpdxRelationship(
    [property: JsonPropertyName("spdxElementId")] string SpdxElementId,
    [property: JsonPropertyName("relationshipType")] string RelationshipType,
    [property: JsonPropertyName("relatedSpdxElement")] string RelatedSpdxElement);
