using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tko.Inspection;

namespace Tko;

/// <summary>
/// Why two images differ. Reads each from a registry, an OCI layout or a tarball (see
/// <see cref="CompareAsync(string, string, DiffOptions, CancellationToken)"/>), compares their indexes, manifests and configs field by field and
/// their layers entry by entry, and separates the causes from the digests that follow from them.
/// </summary>
public static partial class ImageDiff
{
    /// <summary>
    /// Compares image <paramref name="a"/> with image <paramref name="b"/>. Each is a registry
    /// reference (<c>localhost:5000/app:v1</c>, <c>…@sha256:…</c>), <c>oci:PATH[:TAG]</c> (an OCI
    /// layout directory), <c>oci-archive:PATH[:TAG]</c> or <c>docker-archive:PATH[:TAG]</c> (an
    /// image tarball written by docker save, podman save, tko or the .NET SDK), or a plain path to a
    /// tarball or a layout directory. Layers are streamed: memory holds their entry lists, not their
    /// bytes. Every blob read is checked against its digest and every layer against its diffID.
    /// </summary>
    public static Task<ImageComparison> CompareAsync(string a, string b, DiffOptions options, CancellationToken cancellationToken = default) =>
        CompareAsync(a, b, options, null, cancellationToken);

    /// <summary>As <see cref="CompareAsync(string, string, DiffOptions, CancellationToken)"/>, with <paramref name="log"/> receiving a line per registry request and retry, secrets removed.</summary>
    public static async Task<ImageComparison> CompareAsync(string a, string b, DiffOptions options, IObserver<string>? log, CancellationToken cancellationToken = default)
    {
        ImageLocation whereA = ImageLocation.Parse(a), whereB = ImageLocation.Parse(b);
        using var registry = new RegistryClient(options.Registry, log);
        using IImageStore storeA = await ImageStores.OpenAsync(whereA, registry, cancellationToken);
        using IImageStore storeB = await ImageStores.OpenAsync(whereB, registry, cancellationToken);
        Task<LoadedImage> loadingA = ImageLoader.LoadAsync(storeA, a, cancellationToken);
        Task<LoadedImage> loadingB = ImageLoader.LoadAsync(storeB, b, cancellationToken);
        await Task.WhenAll(loadingA, loadingB);
        LoadedImage imageA = await loadingA, imageB = await loadingB;

        var causes = ImmutableList.CreateBuilder<Difference>();
        var digests = ImmutableList.CreateBuilder<Difference>();
        if (options.Platform is null && (imageA.IsIndex || imageB.IsIndex))
            CompareIndexes(imageA, imageB, causes, digests);
        ImmutableList<PlatformPairing.Pair> pairs = PlatformPairing.Match(imageA, a, imageB, b, options.Platform);
        foreach (PlatformPairing.Pair pair in pairs)
        {
            if (pair.A is null || pair.B is null)
            {
                causes.Add(new Difference(DifferencePart.Index, pair.A is null ? DifferenceKind.OnlyInB : DifferenceKind.OnlyInA, pair.Label!,
                    pair.A?.ManifestDescriptor.Digest.ToString(), pair.B?.ManifestDescriptor.Digest.ToString()) { Platform = pair.Label });
                continue;
            }
            await ComparePairAsync(pair.Label, pair.A, pair.B, new Sides(storeA, a, storeB, b), causes, digests, cancellationToken);
        }
        // With a platform chosen, the images compared are that platform's manifests, not the indexes around them.
        Digest digestA = options.Platform is null ? imageA.Top.Descriptor.Digest : pairs[0].A!.ManifestDescriptor.Digest;
        Digest digestB = options.Platform is null ? imageB.Top.Descriptor.Digest : pairs[0].B!.ManifestDescriptor.Digest;
        return new ImageComparison(a, b, digestA.ToString(), digestB.ToString(), causes.ToImmutable(), digests.ToImmutable())
        {
            Hint = UmaskHint.For(causes.ToImmutable()),
        };
    }

    /// <summary>The comparison as indented JSON (camelCase names, enums by name), as <c>tko diff --json</c> prints it.</summary>
    public static string ToJson(ImageComparison comparison) => JsonSerializer.Serialize(comparison, InspectionJsonContext.Readable.ImageComparison);

    private sealed record Sides(IImageStore StoreA, string ShownA, IImageStore StoreB, string ShownB);

    private static void CompareIndexes(LoadedImage a, LoadedImage b, ImmutableList<Difference>.Builder causes, ImmutableList<Difference>.Builder digests)
    {
        if (a.Top.Descriptor.Digest == b.Top.Descriptor.Digest) return;
        if (a.IsIndex && b.IsIndex)
        {
            // Which manifests an index lists is the platform pairing's business; here only its own fields count.
            static bool Skip(string path) => path.StartsWith("manifests", StringComparison.Ordinal);
            causes.AddRange(DocumentComparison.Compare(DifferencePart.Index, null,
                JsonFlattening.Flatten(a.Top.Bytes, Skip), JsonFlattening.Flatten(b.Top.Bytes, Skip)));
            digests.Add(DigestChange(DifferencePart.Index, "index", "digest", a.Top.Descriptor.Digest, b.Top.Descriptor.Digest, null));
        }
        else
        {
            causes.Add(new Difference(DifferencePart.Index, DifferenceKind.Changed, "mediaType", a.Top.Descriptor.MediaType, b.Top.Descriptor.MediaType));
        }
    }

    private static async Task ComparePairAsync(
        string? platform, ImageView a, ImageView b, Sides sides,
        ImmutableList<Difference>.Builder causes, ImmutableList<Difference>.Builder digests, CancellationToken cancellationToken)
    {
        if (a.ManifestDescriptor.Digest == b.ManifestDescriptor.Digest) return;

        ImmutableList<Difference> manifest = DocumentComparison.Compare(DifferencePart.Manifest, platform,
            JsonFlattening.Flatten(a.ManifestBytes, IsManifestDigestField), JsonFlattening.Flatten(b.ManifestBytes, IsManifestDigestField));
        ImmutableList<Difference> config = DocumentComparison.Compare(DifferencePart.Config, platform,
            JsonFlattening.Flatten(a.ConfigBytes, IsDiffIdField), JsonFlattening.Flatten(b.ConfigBytes, IsDiffIdField));
        causes.AddRange(manifest);
        causes.AddRange(config);

        digests.Add(DigestChange(DifferencePart.Manifest, "manifest", "digest", a.ManifestDescriptor.Digest, b.ManifestDescriptor.Digest, platform));
        Descriptor configA = a.Manifest.Config, configB = b.Manifest.Config;
        if (configA.Digest != configB.Digest)
            digests.Add(DigestChange(DifferencePart.Config, "config", "digest", configA.Digest, configB.Digest, platform));

        bool layersAgree = a.Manifest.Layers.Count == b.Manifest.Layers.Count;
        bool diffIdsAgree = a.DiffIds.SequenceEqual(b.DiffIds);
        for (int i = 0; i < Math.Max(a.Manifest.Layers.Count, b.Manifest.Layers.Count); i++)
        {
            Descriptor? layerA = a.Manifest.Layers.ElementAtOrDefault(i), layerB = b.Manifest.Layers.ElementAtOrDefault(i);
            string where = $"layers[{i}]";
            if (layerA is null || layerB is null)
            {
                causes.Add(new Difference(DifferencePart.Layer, layerA is null ? DifferenceKind.OnlyInB : DifferenceKind.OnlyInA, where,
                    layerA?.Digest.ToString(), layerB?.Digest.ToString()) { Platform = platform, Layer = i });
                continue;
            }
            if (layerA.Digest == layerB.Digest) continue;
            layersAgree = false;
            Digest? diffIdA = a.DiffIds.ElementAtOrDefault(i), diffIdB = b.DiffIds.ElementAtOrDefault(i);
            digests.Add(DigestChange(DifferencePart.Layer, where, "digest", layerA.Digest, layerB.Digest, platform) with { Layer = i });
            if (layerA.Size != layerB.Size)
                digests.Add(new Difference(DifferencePart.Layer, DifferenceKind.Changed, where, Bytes(layerA.Size), Bytes(layerB.Size)) { Field = "size", Platform = platform, Layer = i });
            if (diffIdA is not null && diffIdA == diffIdB)
            {
                // The same tar, compressed differently: nothing inside explains it, so it is a cause of its own.
                causes.Add(new Difference(DifferencePart.Layer, DifferenceKind.Changed, where, layerA.MediaType, layerB.MediaType) { Field = "compression", Platform = platform, Layer = i });
                continue;
            }
            if (diffIdA != diffIdB)
                digests.Add(DigestChange(DifferencePart.Layer, where, "diffID", diffIdA, diffIdB, platform) with { Layer = i });

            Task<ImmutableList<LayerEntryView>> readingA = LayerReader.ReadAsync(sides.StoreA, layerA, diffIdA, sides.ShownA, cancellationToken);
            Task<ImmutableList<LayerEntryView>> readingB = LayerReader.ReadAsync(sides.StoreB, layerB, diffIdB, sides.ShownB, cancellationToken);
            await Task.WhenAll(readingA, readingB);
            ImmutableList<Difference> entries = LayerComparison.Compare(i, platform, await readingA, await readingB);
            causes.AddRange(entries.IsEmpty
                ? [new Difference(DifferencePart.Layer, DifferenceKind.Changed, where, diffIdA?.ToString(), diffIdB?.ToString()) { Field = "tar encoding", Platform = platform, Layer = i }]
                : entries);
        }

        // Bytes that differ with no field, entry or digest to explain them: the JSON is written differently.
        if (configA.Digest != configB.Digest && config.IsEmpty && diffIdsAgree)
            causes.Add(new Difference(DifferencePart.Config, DifferenceKind.Changed, "config", configA.Digest.ToString(), configB.Digest.ToString()) { Field = "json encoding", Platform = platform });
        if (manifest.IsEmpty && configA.Digest == configB.Digest && layersAgree)
            causes.Add(new Difference(DifferencePart.Manifest, DifferenceKind.Changed, "manifest", a.ManifestDescriptor.Digest.ToString(), b.ManifestDescriptor.Digest.ToString()) { Field = "json encoding", Platform = platform });
    }

    private static Difference DigestChange(DifferencePart part, string where, string field, Digest? a, Digest? b, string? platform) =>
        new(part, DifferenceKind.Changed, where, a?.ToString(), b?.ToString()) { Field = field, Platform = platform };

    private static string Bytes(long size) => $"{size} B";

    /// <summary>The manifest's digests and sizes of its config and layers: consequences, reported as digest changes.</summary>
    private static bool IsManifestDigestField(string path) => ManifestDigestField().IsMatch(path);

    /// <summary>The config's diffIDs: consequences, reported per layer.</summary>
    private static bool IsDiffIdField(string path) => path.StartsWith("rootfs.diff_ids", StringComparison.Ordinal);

    [GeneratedRegex(@"\A(config|layers\[\d+\])\.(digest|size)\z")]
    private static partial Regex ManifestDigestField();
}
