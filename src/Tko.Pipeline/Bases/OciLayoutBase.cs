using System.Collections.Immutable;
using System.Text.Json;
using Tko.FileSystem;
using Tko.Hashing;

namespace Tko;

/// <summary>
/// A base image read from an OCI image layout on disk (<c>oci:PATH[:TAG]</c>), so a base works
/// offline. Every document and blob read is checked against its digest.
/// </summary>
public sealed class OciLayoutBase : IBlobSource
{
    private const string RefName = "org.opencontainers.image.ref.name";
    private readonly string _root;

    private OciLayoutBase(string root) => _root = root;

    /// <summary>Resolves <paramref name="reference"/> (the text after <c>oci:</c>) for <paramref name="platform"/>.</summary>
    public static async Task<BaseImage> LoadAsync(string reference, Platform platform, CancellationToken cancellationToken)
    {
        (OciLayoutBase layout, string path, string? tag, string shown, Descriptor[] candidates) = await OpenAsync(reference, cancellationToken);
        if (candidates.Length == 0)
            throw new TkoException($"{shown}: the layout has no image tagged '{tag}'");
        if (tag is null && candidates.Length > 1 && candidates.Select(c => c.Digest).Distinct().Count() > 1 && candidates.All(c => c.Platform is null))
            throw new TkoException($"{shown}: the layout holds several images; name one as oci:{path}:TAG");

        Descriptor manifestDescriptor = await layout.SelectAsync(shown, candidates, platform, cancellationToken);
        byte[] manifestBytes = await layout.ReadAsync(manifestDescriptor, BoundedDocument.ManifestCap, "manifest", cancellationToken);
        Manifest manifest = Parse(shown, "manifest", () => CanonicalJson.ParseManifest(manifestBytes));
        byte[] configBytes = await layout.ReadAsync(manifest.Config, BoundedDocument.ConfigCap, "config", cancellationToken);
        ImageConfig config = Parse(shown, "config", () => CanonicalJson.ParseConfig(configBytes));
        Platform wanted = PlatformMatching.Normalize(platform), actual = PlatformMatching.Normalize(new Platform(config.Architecture, config.Os));
        if (actual.Os != wanted.Os || actual.Architecture != wanted.Architecture)
            throw new TkoException($"{shown}: the image is for {config.Os}/{config.Architecture}, not the requested {platform}; choose --platforms to match");

        return new BaseImage(shown, manifestDescriptor.Digest, ManifestFamily.Of(manifest.MediaType ?? manifestDescriptor.MediaType),
            config, manifest.Layers, layout);
    }

    /// <summary>
    /// The platforms the layout's image lists (the text after <c>oci:</c>): its index's entries, or
    /// the one platform of a single manifest's config; for <c>--platforms all</c>.
    /// </summary>
    internal static async Task<IReadOnlyList<Platform>> PlatformsAsync(string reference, CancellationToken cancellationToken)
    {
        (OciLayoutBase layout, _, _, string shown, Descriptor[] candidates) = await OpenAsync(reference, cancellationToken);
        var platforms = new List<Platform>();
        foreach (Descriptor candidate in candidates)
        {
            if (candidate.MediaType is MediaTypes.OciIndex or MediaTypes.DockerManifestList)
            {
                byte[] nestedBytes = await layout.ReadAsync(candidate, BoundedDocument.ManifestCap, "index", cancellationToken);
                platforms.AddRange(Parse(shown, "index", () => CanonicalJson.ParseIndex(nestedBytes)).Manifests.Select(m => m.Platform).OfType<Platform>());
            }
            else if (candidate.Platform is { } platform)
            {
                platforms.Add(platform);
            }
            else
            {
                byte[] manifestBytes = await layout.ReadAsync(candidate, BoundedDocument.ManifestCap, "manifest", cancellationToken);
                Manifest manifest = Parse(shown, "manifest", () => CanonicalJson.ParseManifest(manifestBytes));
                byte[] configBytes = await layout.ReadAsync(manifest.Config, BoundedDocument.ConfigCap, "config", cancellationToken);
                ImageConfig config = Parse(shown, "config", () => CanonicalJson.ParseConfig(configBytes));
                platforms.Add(new Platform(config.Architecture ?? "", config.Os ?? "") { Variant = config.Variant });
            }
        }
        return platforms;
    }

    /// <summary>The layout <paramref name="reference"/> names (the text after <c>oci:</c>) and the index.json entries its tag selects (all without a tag).</summary>
    private static async Task<(OciLayoutBase Layout, string Path, string? Tag, string Shown, Descriptor[] Candidates)> OpenAsync(string reference, CancellationToken cancellationToken)
    {
        (string path, string? tag) = Split(reference);
        string shown = "oci:" + reference;
        if (!ContainedFile.Exists(path, "index.json"))
            throw new TkoException($"{shown}: {path} is not an OCI image layout (no index.json); give a directory written by tko, skopeo or umoci");
        byte[] indexBytes;
        await using (Stream indexFile = ContainedFile.Open(path, "index.json", shown))
            indexBytes = await BoundedDocument.ReadAsync(indexFile, BoundedDocument.ManifestCap, $"{shown}: index.json", cancellationToken);
        ImageIndex index = Parse(shown, "index.json", () => CanonicalJson.ParseIndex(indexBytes));
        Descriptor[] candidates = [.. index.Manifests.Where(m => tag is null || (m.Annotations?.GetValueOrDefault(RefName) == tag))];
        return (new OciLayoutBase(path), path, tag, shown, candidates);
    }

    /// <inheritdoc/>
    public Task<Stream> OpenBlobAsync(Descriptor descriptor, CancellationToken cancellationToken)
    {
        string name = BlobName(descriptor.Digest);
        if (!ContainedFile.Exists(_root, name))
            throw new TkoException($"oci:{_root}: blob {descriptor.Digest} is missing from the layout");
        Stream file = ContainedFile.Open(_root, name, "oci:" + _root);
        return Task.FromResult<Stream>(new VerifyingReadStream(file, descriptor, "oci:" + _root));
    }

    private async Task<Descriptor> SelectAsync(string shown, IReadOnlyList<Descriptor> candidates, Platform platform, CancellationToken cancellationToken)
    {
        // Platforms are matched as for a registry base (x86_64 is amd64, arm64 is arm64/v8, …).
        Descriptor chosen = PlatformMatching.Select(candidates, platform) ?? candidates[0];
        if (chosen.MediaType is not (MediaTypes.OciIndex or MediaTypes.DockerManifestList))
            return chosen;
        byte[] nestedBytes = await ReadAsync(chosen, BoundedDocument.ManifestCap, "index", cancellationToken);
        ImageIndex nested = Parse(shown, "index", () => CanonicalJson.ParseIndex(nestedBytes));
        return PlatformMatching.Select(nested.Manifests, platform)
            ?? throw new TkoException($"{shown}: the image index has no manifest for {platform}; it has {string.Join(", ", nested.Manifests.Select(m => m.Platform?.ToString() ?? "?"))}");
    }

    private async Task<byte[]> ReadAsync(Descriptor descriptor, long cap, string what, CancellationToken cancellationToken)
    {
        string name = $"oci:{_root}: the {what} {descriptor.Digest}";
        if (descriptor.Size > cap)
            throw new TkoException($"{name} {BoundedDocument.TooLarge(cap)}");
        await using Stream blob = await OpenBlobAsync(descriptor, cancellationToken);
        return await BoundedDocument.ReadAsync(blob, cap, name, cancellationToken);
    }

    private static string BlobName(Digest digest) => $"blobs/{digest.Algorithm}/{digest.Hex}";

    private static T Parse<T>(string shown, string what, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (JsonException e)
        {
            throw new TkoException($"{shown}: the {what} is not valid JSON ({e.Message})", e);
        }
    }

    /// <summary>Splits PATH[:TAG]; a path that exists as a directory is taken whole even if it holds a ':'.</summary>
    private static (string Path, string? Tag) Split(string reference)
    {
        if (Directory.Exists(reference)) return (reference, null);
        int colon = reference.LastIndexOf(':');
        if (colon > 0 && !reference[(colon + 1)..].Contains('/'))
            return (reference[..colon], reference[(colon + 1)..]);
        return (reference, null);
    }
}
