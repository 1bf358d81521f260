using System.Collections.Immutable;

namespace Tko;

/// <summary>How a base config becomes the new image's config: pure, so the same inputs give the same bytes.</summary>
public static class ImageConfigMutation
{
    /// <summary>The history text of tko's layer.</summary>
    public const string CreatedBy = "tko build";

    /// <summary>As <see cref="AddLayer(ImageConfig, LayerResult, BuildSpec, IReadOnlyDictionary{string, string}?)"/>, the spec's annotations being the manifest's.</summary>
    public static ImageConfig AddLayer(ImageConfig baseConfig, LayerResult layer, BuildSpec spec) =>
        AddLayer(baseConfig, layer, spec, spec.Metadata.Annotations);

    /// <summary>
    /// Appends the layer's diffID and its one history entry, sets the entrypoint and Cmd (the
    /// base's Cmd is cleared unless the spec gives one, as Docker does when an ENTRYPOINT is set),
    /// the created time and the spec's <see cref="BuildSpec.Metadata"/>: env merged over the base's
    /// (<see cref="EnvironmentMerge"/>), ports added to the base's, labels as the base's with the
    /// manifest's annotations and then the spec's labels over them, and the user, working directory
    /// and author where given. Every other field of the base, modelled or not, is kept. Call it once
    /// per platform with that platform's effective spec.
    /// </summary>
    /// <param name="baseConfig">The base's config.</param>
    /// <param name="layer">The new layer.</param>
    /// <param name="spec">The platform's effective spec.</param>
    /// <param name="manifestAnnotations">The annotations of the manifest being built (see <see cref="ManifestAnnotations.For"/>), also written as labels.</param>
    public static ImageConfig AddLayer(ImageConfig baseConfig, LayerResult layer, BuildSpec spec, IReadOnlyDictionary<string, string>? manifestAnnotations)
    {
        string created = SourceDateEpoch.ToRfc3339(spec.Layer.ModificationTime);
        ImageMetadata metadata = spec.Metadata;
        ContainerConfig baseRuntime = baseConfig.Config ?? new ContainerConfig();
        ContainerConfig runtime = ExposedPortsMerge.Over(baseRuntime, metadata.ExposedPorts)
            .WithEntrypoint(spec.Entrypoint)
            .WithCmd(metadata.Cmd.IsEmpty ? null : metadata.Cmd)
            .WithEnv(metadata.Env.IsEmpty ? baseRuntime.Env : EnvironmentMerge.Over(baseRuntime.Env ?? [], metadata.Env))
            .WithUser(metadata.User ?? baseRuntime.User)
            .WithWorkingDir(metadata.WorkingDir ?? baseRuntime.WorkingDir)
            .WithLabels(Labels(baseRuntime.Labels, manifestAnnotations, metadata.Labels));
        var history = new History { Created = created, CreatedBy = CreatedBy, Comment = $"artifacts at {spec.DestPath}" };
        return baseConfig
            .WithCreated(created)
            .WithAuthor(metadata.Author ?? baseConfig.Author)
            .WithConfig(runtime)
            .WithRootFs(baseConfig.RootFs.AddDiffIds(layer.DiffId))
            .WithHistory((baseConfig.History ?? []).Add(history));
    }

    /// <summary>The base's labels, then the annotations, then the labels asked for; the base's (even null) when nothing is added, so its bytes stay.</summary>
    private static ImmutableSortedDictionary<string, string>? Labels(
        ImmutableSortedDictionary<string, string>? baseLabels, IReadOnlyDictionary<string, string>? annotations, ImmutableSortedDictionary<string, string> labels)
    {
        if ((annotations is null || annotations.Count == 0) && labels.IsEmpty) return baseLabels;
        var all = (baseLabels ?? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal)).ToBuilder();
        foreach ((string key, string value) in annotations ?? ImmutableSortedDictionary<string, string>.Empty) all[key] = value;
        foreach ((string key, string value) in labels) all[key] = value;
        return all.ToImmutable();
    }
}
