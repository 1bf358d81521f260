using System.Collections.Immutable;
using Tko.Bases;

namespace Tko.Building;

/// <summary>
/// Whether the executable the image would start is in it: first among the new layer's entries (no
/// base read); otherwise, for a base with layers, among the base layers' tar listings, read top
/// layer first and only as far as needed. A bare name (<c>sh</c>) is looked up in the image's PATH,
/// a relative path in its working directory, as a runtime does.
/// </summary>
internal static class EntrypointCheck
{
    /// <summary>The PATH a runtime searches when the config sets none (containerd's and Docker's default).</summary>
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>The problem with the platform's entrypoint, or null when its executable is found (or cannot be checked).</summary>
    /// <param name="spec">The platform's effective spec.</param>
    /// <param name="baseImage">The platform's base.</param>
    /// <param name="entries">The new layer's planned entries.</param>
    /// <param name="isIndex">Whether the message should name the platform.</param>
    /// <param name="cancellationToken">Stops the reading of base layers.</param>
    public static async Task<BuildWarning?> FindProblemAsync(
        BuildSpec spec, BaseImage baseImage, ImmutableArray<LayerEntry> entries, bool isIndex, CancellationToken cancellationToken)
    {
        ImmutableList<string> argv = spec.Entrypoint.IsEmpty ? spec.Metadata.Cmd : spec.Entrypoint;
        if (argv.IsEmpty) return null;
        IReadOnlyList<string> candidates = Candidates(argv[0], spec, baseImage.Config.Config);
        if (candidates.Count == 0) return null;

        var tree = new ImageFileTree();
        foreach (LayerEntry entry in entries)
            tree.AddUnlessPresent(entry.Name, entry.Kind == LayerEntryKind.Symlink ? entry.LinkTarget : null);
        // Symlinks of the new layer may point into the base, so "not found" here still needs the base.
        if (candidates.Any(tree.Contains)) return null;

        string which = isIndex ? $" for {spec.Platforms[0]}" : "";
        if (baseImage.Layers.IsEmpty)
            return new BuildWarning(BuildPlan.EntrypointProperty,
                $"{argv[0]}{which} is not in the new layer (SOURCE at {spec.DestPath}) and the base {baseImage.Name} has no files; the image cannot start");
        bool complete = await BaseLayerListing.ReadAsync(baseImage, tree.AddUnlessPresent, () => candidates.Any(tree.Contains), cancellationToken);
        if (!complete || candidates.Any(tree.Contains)) return null;
        return new BuildWarning(BuildPlan.EntrypointProperty,
            $"{argv[0]}{which} is neither in the new layer (SOURCE at {spec.DestPath}) nor in the base {baseImage.Name}; the image cannot start");
    }

    /// <summary>The absolute paths a runtime would try for <paramref name="executable"/>.</summary>
    private static IReadOnlyList<string> Candidates(string executable, BuildSpec spec, ContainerConfig? baseRuntime)
    {
        if (executable.StartsWith('/')) return [executable];
        if (executable.Contains('/'))
            return [$"{spec.Metadata.WorkingDir ?? baseRuntime?.WorkingDir ?? "/"}/{executable}"];
        ImmutableList<string> env = spec.Metadata.Env.IsEmpty ? baseRuntime?.Env ?? [] : EnvironmentMerge.Over(baseRuntime?.Env ?? [], spec.Metadata.Env);
        string path = env.LastOrDefault(v => EnvironmentMerge.Key(v) == "PATH") is { } variable ? variable[(variable.IndexOf('=') + 1)..] : DefaultPath;
        return [.. path.Split(':').Where(d => d.StartsWith('/')).Select(d => $"{d.TrimEnd('/')}/{executable}")];
    }
}
