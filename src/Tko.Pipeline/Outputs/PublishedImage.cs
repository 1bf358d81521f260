using System.Collections.Immutable;

namespace Tko.Outputs;

/// <summary>A stored image: its manifest, the reference printed for it, where it is (a path or a repository) and the tags it got.</summary>
internal sealed record PublishedImage(Descriptor Manifest, string Reference, string Location, ImmutableList<string> Tags)
{
    /// <summary>Where the extra outputs of the same image went, in order.</summary>
    public ImmutableList<string> AlsoWritten { get; init; } = [];
}
