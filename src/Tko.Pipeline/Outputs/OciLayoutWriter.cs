using System.Collections.Immutable;

namespace Tko.Outputs;

/// <summary>Writes the files that make a directory of blobs an OCI image layout.</summary>
internal static class OciLayoutWriter
{
    /// <summary>The annotation naming a manifest's tag in index.json.</summary>
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    /// <summary>
    /// The annotation naming a manifest's full reference, as <c>docker save</c> writes it since Docker 25:
    /// Podman (and containerd) name a loaded OCI archive from it; without it Podman calls the image
    /// <c>localhost/latest</c> after the bare tag in <see cref="RefNameAnnotation"/>.
    /// </summary>
    public const string ImageNameAnnotation = "io.containerd.image.name";

    /// <summary>Writes oci-layout and an index.json listing the manifest once per tag, each named <c>repository:tag</c> too.</summary>
    public static async Task WriteAsync(string layoutRoot, Descriptor manifest, string repository, IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        ImmutableList<Descriptor> entries = [.. tags.Select(tag => manifest.WithAnnotations(
            ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal)
                .Add(ImageNameAnnotation, $"{repository}:{tag}")
                .Add(RefNameAnnotation, tag)))];
        if (entries.IsEmpty) entries = [manifest];
        var index = new ImageIndex(MediaTypes.OciIndex, entries);
        await File.WriteAllBytesAsync(Path.Combine(layoutRoot, "oci-layout"), CanonicalJson.Serialize(OciLayoutMarker.V1), cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(layoutRoot, "index.json"), CanonicalJson.Serialize(index), cancellationToken);
    }
}
