using System.Collections.Immutable;
using System.Globalization;

namespace Tko.Sbom;

/// <summary>
/// The SPDX 2.3 document of an image, as a pure function of what the build knows: the image is
/// the described package, containing every file the new layer adds and the NuGet packages named by
/// its deps.json files, and a descendant of its base. Identifiers and order follow from paths and
/// names alone, so the same subject always gives the same document.
/// </summary>
internal static class SpdxComposer
{
    private const string DocumentId = "SPDXRef-DOCUMENT";
    private const string ImageId = "SPDXRef-Image";
    private const string BaseId = "SPDXRef-BaseImage";
    private const string NoAssertion = "NOASSERTION";

    public static SpdxDocument Compose(SbomSubject subject)
    {
        Digest digest = subject.Manifest.Digest;
        var fileIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = ImmutableList.CreateBuilder<SpdxFile>();
        foreach (AddedFile file in subject.Files)
        {
            string id = $"SPDXRef-File-{fileIds.Count + 1}";
            fileIds[file.Path] = id;
            files.Add(new SpdxFile(file.Path, id,
                [new SpdxChecksum("SHA1", file.Sha1), new SpdxChecksum("SHA256", file.Sha256)],
                string.Create(CultureInfo.InvariantCulture, $"size: {file.Size} bytes")));
        }

        var packages = ImmutableList.CreateBuilder<SpdxPackage>();
        var relationships = ImmutableList.CreateBuilder<SpdxRelationship>();
        packages.Add(new SpdxPackage(subject.Repository, ImageId, digest.ToString(), NoAssertion, false, null, "CONTAINER",
            [PackageUrl(PackageUrls.Oci(subject.Repository, digest, subject.Platform))]));
        relationships.Add(new SpdxRelationship(DocumentId, "DESCRIBES", ImageId));
        if (subject.BaseRepository is { } baseRepository && subject.BaseDigest is { } baseDigest)
        {
            packages.Add(new SpdxPackage(baseRepository, BaseId, baseDigest.ToString(), NoAssertion, false, null, "CONTAINER",
                [PackageUrl(PackageUrls.Oci(baseRepository, baseDigest, subject.Platform))]));
            relationships.Add(new SpdxRelationship(ImageId, "DESCENDANT_OF", BaseId));
        }
        foreach (AddedFile file in subject.Files)
            relationships.Add(new SpdxRelationship(ImageId, "CONTAINS", fileIds[file.Path]));
        int packageNumber = 0;
        foreach (NuGetPackage package in subject.Packages)
        {
            string id = $"SPDXRef-Package-NuGet-{++packageNumber}";
            packages.Add(new SpdxPackage(package.Name, id, package.Version, NoAssertion, false,
                package.Sha512 is { } sha512 ? [new SpdxChecksum("SHA512", sha512)] : null, "LIBRARY", [PackageUrl(package.PackageUrl)]));
            relationships.Add(new SpdxRelationship(ImageId, "CONTAINS", id));
            foreach (string path in package.Files)
                relationships.Add(new SpdxRelationship(id, "CONTAINS", fileIds[path]));
        }

        string created = DateTimeOffset.FromUnixTimeSeconds(subject.Created).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return new SpdxDocument("SPDX-2.3", "CC0-1.0", DocumentId, $"{subject.Repository}@{digest}",
            $"https://spdx.org/spdxdocs/tko/{digest.Algorithm}-{digest.Hex}",
            new SpdxCreationInfo(created, [$"Tool: tko-{subject.ToolVersion}"]),
            packages.ToImmutable(), files.ToImmutable(), relationships.ToImmutable());
    }

    private static SpdxExternalRef PackageUrl(string purl) => new("PACKAGE-MANAGER", "purl", purl);
}
