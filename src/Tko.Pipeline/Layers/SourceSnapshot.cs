using System.Collections.Immutable;

namespace Tko.Layers;

/// <summary>A listing of a source tree: its root, the root's own permission bits and every object below it, in no particular order.</summary>
public sealed record SourceSnapshot(string Root, UnixFileMode RootMode, ImmutableArray<SourceEntry> Entries);
