namespace Tko;

/// <summary>How a base config becomes the new image's config: pure, so the same inputs give the same bytes.</summary>
public static class ImageConfigMutation
{
    /// <summary>The history text of tko's layer.</summary>
    public const string CreatedBy = "tko build";

    /// <summary>
    /// Appends the layer's diffID and its one history entry, sets the entrypoint (clearing the
    /// base's Cmd, as Docker does when an ENTRYPOINT is set), the created time and the spec's
    /// <see cref="BuildSpec.Metadata"/>: env merged over the base's (<see cref="EnvironmentMerge"/>),
    /// and the user, working directory and author where given. Every other field of the base,
    /// modelled or not, is kept. Call it once per platform with that platform's effective spec.
    /// </summary>
    public static ImageConfig AddLayer(ImageConfig baseConfig, LayerResult layer, BuildSpec spec)
    {
        string created = SourceDateEpoch.ToRfc3339(spec.Layer.ModificationTime);
        ImageMetadata metadata = spec.Metadata;
        ContainerConfig baseRuntime = baseConfig.Config ?? new ContainerConfig();
        ContainerConfig runtime = baseRuntime
            .WithEntrypoint(spec.Entrypoint)
            .WithCmd(null)
            .WithEnv(metadata.Env.IsEmpty ? baseRuntime.Env : EnvironmentMerge.Over(baseRuntime.Env ?? [], metadata.Env))
            .WithUser(metadata.User ?? baseRuntime.User)
            .WithWorkingDir(metadata.WorkingDir ?? baseRuntime.WorkingDir);
        var history = new History { Created = created, CreatedBy = CreatedBy, Comment = $"artifacts at {spec.DestPath}" };
        return baseConfig
            .WithCreated(created)
            .WithAuthor(metadata.Author ?? baseConfig.Author)
            .WithConfig(runtime)
            .WithRootFs(baseConfig.RootFs.AddDiffIds(layer.DiffId))
            .WithHistory((baseConfig.History ?? []).Add(history));
    }
}
