namespace Tko;

/// <summary>The entry point of the library: build an image from a <see cref="BuildSpec"/>.</summary>
public static class Build
{
    /// <summary>Prepares a build whose progress can be observed before it is run.</summary>
    public static BuildSession Create(BuildSpec spec) => new(spec);

    /// <summary>Builds <paramref name="spec"/> and returns what was made.</summary>
    public static async Task<BuildResult> RunAsync(BuildSpec spec, CancellationToken cancellationToken = default)
    {
        using BuildSession session = Create(spec);
        return await session.RunAsync(cancellationToken);
    }
}
