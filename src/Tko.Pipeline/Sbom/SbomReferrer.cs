namespace Tko.Sbom;

/// <summary>
/// The OCI 1.1 artifact manifest that attaches an SBOM to its image: the empty config, the document
/// as its one layer, <c>artifactType</c> the document's media type and <c>subject</c> the image's
/// manifest. Pure, so the same SBOM always gives the same referrer digest.
/// </summary>
internal sealed record SbomReferrer(byte[] Manifest, Descriptor Descriptor, Descriptor Config, Descriptor Document)
{
    /// <summary>The empty config's bytes, <c>{}</c>.</summary>
    public static readonly byte[] EmptyConfig = "{}"u8.ToArray();

    public static SbomReferrer For(SbomDocument sbom)
    {
        var config = new Descriptor(MediaTypes.OciEmpty, Digest.OfContent(EmptyConfig), EmptyConfig.Length);
        var document = new Descriptor(sbom.MediaType, sbom.Digest, sbom.Content.Length);
        Descriptor subject = new(sbom.Subject.MediaType, sbom.Subject.Digest, sbom.Subject.Size);
        var manifest = new Manifest(MediaTypes.OciManifest, config, [document]) { ArtifactType = sbom.MediaType, Subject = subject };
        byte[] bytes = CanonicalJson.Serialize(manifest);
        return new SbomReferrer(bytes, new Descriptor(MediaTypes.OciManifest, Digest.OfContent(bytes), bytes.Length) { ArtifactType = sbom.MediaType }, config, document);
    }
}
