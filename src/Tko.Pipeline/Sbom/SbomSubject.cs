using System.Collections.Immutable;

namespace Tko.Sbom;

/// <summary>Everything an SBOM says about one platform's image, all of it known exactly.</summary>
/// <param name="Repository">The image's name, e.g. <c>registry.local/app</c>.</param>
/// <param name="Manifest">The descriptor of the image's manifest.</param>
/// <param name="Platform">The image's platform.</param>
/// <param name="BaseRepository">The base's repository (registry and path), or null for scratch.</param>
/// <param name="BaseDigest">The digest of the base's manifest, or null for scratch.</param>
/// <param name="Files">The regular files the new layer adds, in ordinal path order.</param>
/// <param name="Packages">The NuGet packages of the image's deps.json files, in ordinal (name, version) order.</param>
/// <param name="Created">The creation time, in seconds since the epoch (<c>SOURCE_DATE_EPOCH</c>).</param>
/// <param name="ToolVersion">tko's version, recorded as the document's creator.</param>
internal sealed record SbomSubject(
    string Repository,
    Descriptor Manifest,
    Platform Platform,
    string? BaseRepository,
    Digest? BaseDigest,
    ImmutableArray<AddedFile> Files,
    ImmutableArray<NuGetPackage> Packages,
    long Created,
    string ToolVersion);
