using System.Collections.Immutable;

namespace Tko;

/// <summary>The SBOM of one platform's image: what its new layer adds, with the image as its root.</summary>
/// <param name="Platform">The platform whose image it describes.</param>
/// <param name="Subject">The descriptor of that platform's manifest, which the SBOM describes and refers to.</param>
/// <param name="MediaType">The document's media type, also the referrer's artifact type, e.g. <c>application/spdx+json</c>.</param>
/// <param name="Content">The document's canonical bytes: the same inputs give the same bytes.</param>
/// <param name="Warnings">What could not be read (a malformed <c>*.deps.json</c>), each a sentence; the document leaves it out.</param>
public sealed record SbomDocument(Platform Platform, Descriptor Subject, string MediaType, byte[] Content, ImmutableList<string> Warnings)
{
    /// <summary>The SPDX JSON media type.</summary>
    public const string SpdxMediaType = "application/spdx+json";

    /// <summary>The digest of <see cref="Content"/>.</summary>
    public Digest Digest => Digest.OfContent(Content);

    /// <summary>The file name for the document of <see cref="Platform"/>, e.g. <c>linux-amd64.spdx.json</c>.</summary>
    public string FileName => $"{Platform.ToString().Replace('/', '-')}.spdx.json";
}
