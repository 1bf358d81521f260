namespace Tko;

/// <summary>One tar entry of a planned layer, with every header field decided.</summary>
/// <param name="Name">The entry's path in the image without a leading '/' or './'; directories end in '/'.</param>
/// <param name="Kind">Directory, file or symlink.</param>
/// <param name="Mode">Permission bits (07777).</param>
/// <param name="Size">Content size of a file; 0 for others.</param>
/// <param name="LinkTarget">The symlink's text; null for others.</param>
/// <param name="SourcePath">Where a file's content is read from; null for others.</param>
/// <param name="Uid">Owner user id.</param>
/// <param name="Gid">Owner group id.</param>
public sealed record LayerEntry(
    string Name,
    LayerEntryKind Kind,
    UnixFileMode Mode,
    long Size,
    string? LinkTarget,
    string? SourcePath,
    int Uid,
    int Gid);
