using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;

namespace Tko.Sbom;

/// <summary>
/// Makes one platform's SBOM: the added files' digests (read while the layer is being built) and
/// the packages of every <c>*.deps.json</c> the layer adds, composed with the image's manifest.
/// A deps.json that cannot be read is a warning and contributes no packages; the build goes on.
/// </summary>
internal static class SbomGeneration
{
    private static readonly string ToolVersion =
        typeof(SbomGeneration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Starts reading the files of <paramref name="entries"/> for their digests.</summary>
    public static Task<ImmutableArray<AddedFile>> StartHashing(ImmutableArray<LayerEntry> entries, CancellationToken cancellationToken) =>
        Task.Run(() => AddedFiles.HashAsync(entries, cancellationToken), cancellationToken);

    /// <summary>The SPDX document of the image whose manifest is <paramref name="manifest"/>.</summary>
    public static async Task<SbomDocument> ComposeAsync(
        BuildSpec spec, BaseImage baseImage, Platform platform, Descriptor manifest, ImmutableArray<AddedFile> files, CancellationToken cancellationToken)
    {
        var warnings = ImmutableList.CreateBuilder<string>();
        ImmutableArray<NuGetPackage> packages = await PackagesAsync(files, warnings, cancellationToken);
        (string? baseRepository, Digest? baseDigest) = baseImage.ManifestDigest is { } digest ? (BaseRepository(baseImage.Name), digest) : (null, null);
        var subject = new SbomSubject(spec.Repository, manifest, platform, baseRepository, baseDigest, files, packages, spec.Layer.ModificationTime, ToolVersion);
        byte[] content = SpdxJsonContext.Serialize(SpdxComposer.Compose(subject));
        return new SbomDocument(platform, manifest, SbomDocument.SpdxMediaType, content, warnings.ToImmutable());
    }

    /// <summary>The packages of every deps.json among <paramref name="files"/>, merged by name and version, in ordinal order.</summary>
    private static async Task<ImmutableArray<NuGetPackage>> PackagesAsync(ImmutableArray<AddedFile> files, ImmutableList<string>.Builder warnings, CancellationToken cancellationToken)
    {
        var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var merged = new SortedDictionary<(string Name, string Version), NuGetPackage>(Comparer<(string, string)>.Create((a, b) =>
            string.CompareOrdinal(a.Item1, b.Item1) is var byName and not 0 ? byName : string.CompareOrdinal(a.Item2, b.Item2)));
        foreach (AddedFile deps in files.Where(f => f.Path.EndsWith(".deps.json", StringComparison.Ordinal)))
        {
            ImmutableArray<NuGetPackage> found;
            try
            {
                byte[] json = await File.ReadAllBytesAsync(deps.SourcePath, cancellationToken);
                found = DepsJson.Read(json, deps.Path[..deps.Path.LastIndexOf('/')], paths);
            }
            catch (JsonException e)
            {
                warnings.Add($"{deps.Path}: not a readable deps.json ({e.Message}); the SBOM lists no packages from it");
                continue;
            }
            foreach (NuGetPackage package in found)
                merged[(package.Name, package.Version)] = merged.TryGetValue((package.Name, package.Version), out NuGetPackage? known)
                    ? known with { Files = [.. known.Files.Union(package.Files, StringComparer.Ordinal).Order(StringComparer.Ordinal)], Sha512 = known.Sha512 ?? package.Sha512 }
                    : package;
        }
        return [.. merged.Values];
    }

    /// <summary>A registry base as <c>registry/repository</c>; an <c>oci:</c> layout base as written.</summary>
    private static string BaseRepository(string name) => ImageReference.TryParse(name)?.Name ?? name;
}
