namespace Tko;

/// <summary>One thing that differs between two images.</summary>
/// <param name="Part">The document or layer it is in.</param>
/// <param name="Kind">Changed, or present on one side only.</param>
/// <param name="Where">
/// Where it is: a flattened JSON path in the manifest or config (<c>config.Env[PATH]</c>,
/// <c>history[3].created</c>, <c>annotations["org.opencontainers.image.created"]</c>), an entry's
/// path in a layer (<c>/app/app.dll</c>), or the name of the whole (<c>manifest</c>, <c>layers[1]</c>).
/// </param>
/// <param name="A">The first image's value as text; null when it does not have it.</param>
/// <param name="B">The second image's value as text; null when it does not have it.</param>
[GenerateWith]
public sealed partial record Difference(DifferencePart Part, DifferenceKind Kind, string Where, string? A, string? B)
{
    /// <summary>
    /// The attribute that differs when <see cref="Where"/> names a thing with several: for a layer
    /// entry <c>type</c>, <c>mode</c>, <c>uid</c>, <c>gid</c>, <c>user</c>, <c>group</c>,
    /// <c>content</c> (size and SHA-256), <c>link</c> or <c>mtime</c>; for a digest
    /// <c>digest</c>, <c>diffID</c> or <c>size</c>. Null for a JSON path.
    /// </summary>
    public string? Field { get; init; }

    /// <summary>The platform (<c>os/arch[/variant]</c>) of the compared manifests when either image is an index; null otherwise.</summary>
    public string? Platform { get; init; }

    /// <summary>The layer's position in the manifest (0 is the bottom) for a <see cref="DifferencePart.Layer"/> difference; null otherwise.</summary>
    public int? Layer { get; init; }
}
