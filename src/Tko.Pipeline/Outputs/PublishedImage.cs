namespace Tko.Outputs;

/// <summary>A stored image: its manifest, the reference printed for it, and where it is (a path or a repository).</summary>
internal sealed record PublishedImage(Descriptor Manifest, string Reference, string Location);
