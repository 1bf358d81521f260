using System.Collections.Immutable;

namespace Tko;

/// <summary>The image index of a multi-platform build: pure, so the same manifests give the same bytes.</summary>
public static class IndexAssembly
{
    /// <summary>
    /// The OCI image index listing <paramref name="manifests"/> (each with its platform) in the
    /// order given. It is an OCI index whatever the manifests' format, as the Go tko writes it: the
    /// OCI spec lets an index list Docker schema 2 manifests and current registries and runtimes
    /// read that, while a Docker manifest list may not list OCI manifests and, named in an OCI
    /// layout's index.json, is not found by skopeo's <c>oci:</c> transport.
    /// </summary>
    public static ImageIndex Create(IReadOnlyList<Descriptor> manifests) => new(MediaTypes.OciIndex, [.. manifests]);

    /// <summary>As <see cref="Create(IReadOnlyList{Descriptor})"/>, with the index's own annotations (none when null).</summary>
    public static ImageIndex Create(IReadOnlyList<Descriptor> manifests, ImmutableSortedDictionary<string, string>? annotations) =>
        Create(manifests) with { Annotations = annotations };
}
