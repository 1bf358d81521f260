using System.Collections.Immutable;

namespace Tko;

/// <summary>A listing of a source tree: its root, the root's own permission bits and every object below it, in no particular order.</summary>
public sealed record SourceSnapshot(string Root, UnixFileMode RootMode, ImmutableArray<SourceEntry> Entries)
{
    /// <summary>The root's owning user id, which the destination directory takes when a build keeps the source's owners.</summary>
    public int RootUid { get; init; }

    /// <summary>The root's owning group id, which the destination directory takes when a build keeps the source's owners.</summary>
    public int RootGid { get; init; }
}
