using Tko.Model;

namespace Tko.Building;

/// <summary>The image index of a multi-platform build: pure, so the same manifests give the same bytes.</summary>
public static class IndexAssembly
{
    /// <summary>
    /// The index listing <paramref name="manifests"/> (each with its platform) in the order given.
    /// Like ko, the index keeps its images' format: a Docker manifest list when every manifest is
    /// Docker schema 2 (what a registry or runtime that took the Docker base expects), otherwise an
    /// OCI image index (which may also list Docker manifests, where a manifest list may not list OCI ones).
    /// </summary>
    public static ImageIndex Create(IReadOnlyList<Descriptor> manifests) => new(MediaTypeOf(manifests), [.. manifests]);

    /// <summary>The media type of the index over <paramref name="manifests"/>.</summary>
    public static string MediaTypeOf(IReadOnlyList<Descriptor> manifests) =>
        manifests.Count > 0 && manifests.All(m => m.MediaType == MediaTypes.DockerManifest)
            ? MediaTypes.DockerManifestList
            : MediaTypes.OciIndex;
}
