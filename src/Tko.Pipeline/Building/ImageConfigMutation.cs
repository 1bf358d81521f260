using Tko.Model;
using Tko.Pipeline;

namespace Tko.Building;

/// <summary>How a base config becomes the new image's config: pure, so the same inputs give the same bytes.</summary>
public static class ImageConfigMutation
{
    /// <summary>The history text of tko's layer.</summary>
    public const string CreatedBy = "tko build";

    /// <summary>
    /// Appends the layer's diffID and its one history entry, sets the entrypoint (clearing the
    /// base's Cmd, as Docker does when an ENTRYPOINT is set) and the created time. Every other
    /// field of the base, modelled or not, is kept.
    /// </summary>
    public static ImageConfig AddLayer(ImageConfig baseConfig, LayerResult layer, BuildSpec spec)
    {
        string created = SourceDateEpoch.ToRfc3339(spec.Layer.ModificationTime);
        ContainerConfig runtime = (baseConfig.Config ?? new ContainerConfig())
            .WithEntrypoint(spec.Entrypoint)
            .WithCmd(null);
        var history = new History { Created = created, CreatedBy = CreatedBy, Comment = $"artifacts at {spec.DestPath}" };
        return baseConfig
            .WithCreated(created)
            .WithConfig(runtime)
            .WithRootFs(baseConfig.RootFs.AddDiffIds(layer.DiffId))
            .WithHistory((baseConfig.History ?? []).Add(history));
    }
}
