namespace Tko;

/// <summary>One progress report of a build, published on <c>BuildSession.Events</c>.</summary>
/// <param name="Kind">What is counted.</param>
/// <param name="Amount">How many bytes or items.</param>
/// <param name="Platform">The platform being built, as <c>os/arch[/variant]</c>; for the <see cref="BuildEventKind.ImageWritten"/> of an index, every platform, comma-separated.</param>
/// <param name="Detail">A path, digest or reference, depending on the kind.</param>
public sealed record BuildEvent(BuildEventKind Kind, long Amount, string Platform, string? Detail = null);
