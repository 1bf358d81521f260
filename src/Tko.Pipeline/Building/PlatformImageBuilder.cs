using System.Collections.Immutable;
using Tko.Model;
using Tko.Outputs;
using Tko.Sbom;

namespace Tko.Building;

/// <summary>
/// Builds one platform's image into a destination: its layer through its own pipeline, the base's
/// layers, the config; the manifest is returned for the caller to store or publish.
/// </summary>
internal static class PlatformImageBuilder
{
    /// <param name="spec">The platform's effective spec (<see cref="BuildSpec.ForPlatform"/>).</param>
    /// <param name="baseImage">The platform's resolved base.</param>
    /// <param name="entries">The planned entries of the platform's source.</param>
    /// <param name="destination">Where the blobs go.</param>
    /// <param name="progress">The platform's progress.</param>
    /// <param name="compressionSlots">Compressions shared with the other platforms' pipelines, or null for a one-platform build.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    public static async Task<AssembledImage> BuildAsync(
        BuildSpec spec, BaseImage baseImage, ImmutableArray<LayerEntry> entries, IImageDestination destination,
        ProgressReporter progress, SemaphoreSlim? compressionSlots, CancellationToken cancellationToken)
    {
        // The SBOM's file digests are read beside the layer pipeline, which reads the same files.
        using var hashingStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<ImmutableArray<AddedFile>>? hashing = spec.Sbom == SbomFormat.None ? null : SbomGeneration.StartHashing(entries, hashingStop.Token);
        try
        {
            return await AssembleAsync(spec, baseImage, entries, destination, progress, compressionSlots, hashing, cancellationToken);
        }
        finally
        {
            if (hashing is { IsCompleted: false })
            {
                await hashingStop.CancelAsync();
                await Task.WhenAny(hashing);
            }
        }
    }

    private static async Task<AssembledImage> AssembleAsync(
        BuildSpec spec, BaseImage baseImage, ImmutableArray<LayerEntry> entries, IImageDestination destination,
        ProgressReporter progress, SemaphoreSlim? compressionSlots, Task<ImmutableArray<AddedFile>>? hashing, CancellationToken cancellationToken)
    {
        LayerResult layer;
        await using (IPendingLayer pending = await destination.BeginLayerAsync(cancellationToken))
        {
            layer = await LayerPipeline.RunAsync(entries, spec.Layer, pending, progress, compressionSlots, cancellationToken);
            await pending.CompleteAsync(layer, cancellationToken);
        }
        await destination.StoreBaseLayersAsync(baseImage, cancellationToken);

        // A zstd layer makes the image OCI whatever the base's format; the base's layer blobs are kept as they are.
        ManifestFamily family = baseImage.Family.For(spec.Layer.Compression);
        IEnumerable<Descriptor> baseLayers = family == baseImage.Family ? baseImage.Layers : baseImage.Layers.Select(OciBaseLayers.Of);
        ImmutableSortedDictionary<string, string>? annotations = ManifestAnnotations.For(spec, baseImage);
        ImageConfig config = ImageConfigMutation.AddLayer(baseImage.Config, layer, spec, annotations);
        Descriptor configDescriptor = await destination.StoreConfigAsync(CanonicalJson.Serialize(config), family.ConfigMediaType, cancellationToken);
        ImmutableList<Descriptor> layers = [.. baseLayers, new Descriptor(family.LayerMediaTypeOf(spec.Layer.Compression), layer.Digest, layer.Size)];
        Manifest manifest = ManifestAssembly.Create(family, configDescriptor, layers, annotations);
        byte[] manifestBytes = CanonicalJson.Serialize(manifest);
        Platform platform = IndexPlatform(spec.Platforms[0], config);
        SbomDocument? sbom = hashing is null ? null : await SbomGeneration.ComposeAsync(spec, baseImage, platform,
            new Descriptor(family.ManifestMediaType, Digest.OfContent(manifestBytes), manifestBytes.Length), await hashing, cancellationToken);
        return new AssembledImage(platform, family, configDescriptor, layers, layer, manifestBytes,
            config.RootFs.DiffIds, baseImage.Layers.Count, sbom);
    }

    /// <summary>
    /// The platform as asked for (so the index reads as the user wrote it), with the config's
    /// os.version when the request has none: Windows runtimes pick images by it.
    /// </summary>
    private static Platform IndexPlatform(Platform requested, ImageConfig config) =>
        requested.OsVersion is null && config.OsVersion is { } version ? requested with { OsVersion = version } : requested;
}
