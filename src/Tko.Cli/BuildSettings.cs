using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Tko.Cli.ConfigFile;

namespace Tko.Cli;

/// <summary>
/// Resolves every build setting as flag, then environment variable, then <c>.tko.yml</c>, then
/// default, and maps the result onto one <see cref="BuildSpec"/>. tko's own variables are read
/// through the given <c>environment</c>; the registry defaults (docker config, <c>SSL_CERT_*</c>,
/// <c>GITHUB_TOKEN</c>) come from the process environment, as for any library user.
/// </summary>
internal static class BuildSettings
{
    public const string DefaultBaseRef = "ubuntu:jammy";

    /// <summary>Resolves the build in the process's working directory.</summary>
    public static BuildInvocation Resolve(ParseResult parsed, BuildCommandLine cli, Func<string, string?> environment) =>
        Resolve(parsed, cli, environment, Directory.GetCurrentDirectory());

    /// <summary>Resolves the build; <c>.tko.yml</c> is looked for in <paramref name="workingDirectory"/>.</summary>
    public static BuildInvocation Resolve(ParseResult parsed, BuildCommandLine cli, Func<string, string?> environment, string workingDirectory)
    {
        TkoConfig? config = TkoConfigReader.Read(parsed.GetValue(cli.Config), workingDirectory);
        var settings = new SettingSources(parsed, environment, config);
        BuildSection file = config?.Build ?? new BuildSection();

        Setting sourceSetting = settings.Argument(cli.Source, file.Source, "source", "TKO_SOURCE_PATH");
        string source = sourceSetting.Value
            ?? throw new OptionException("SOURCE", "give the directory of build artifacts as an argument, in TKO_SOURCE_PATH or as source: in .tko.yml");

        Setting targetType = settings.Text(cli.TargetType, file.TargetType, "target-type", "TKO_TARGET_TYPE");
        Setting output = settings.Text(cli.Output, file.Output, "output", "TKO_OUTPUT");
        Setting targetRepo = settings.Text(cli.TargetRepo, file.TargetRepo, "target-repo", "TKO_TARGET_REPO");
        ImageReference? pushTo = null;
        string kind = (targetType.Value ?? TargetType.Remote).ToUpperInvariant();
        (string Name, string? Tag)? localName = kind is TargetType.LocalFile or TargetType.OciLayout ? LocalName(targetRepo) : null;
        Target target = kind switch
        {
            TargetType.Remote => Target.Registry((pushTo = PushTarget(targetRepo)).ToString()),
            TargetType.LocalFile => Target.DockerTarball(output.Value ?? "out.tar"),
            TargetType.OciLayout => Target.OciLayout(output.Value ?? "out-oci"),
            TargetType.LocalDaemon => Target.DockerDaemon((pushTo = PushTarget(targetRepo with { Value = targetRepo.Value ?? BuildSpec.DefaultRepository(source) })).ToString()),
            var other => throw new OptionException(targetType.Source, $"'{other}' is not one of {string.Join(", ", TargetType.All)}"),
        };

        BuildSpec spec = BuildSpec.FromDirectory(source, SourceDateEpoch.Parse(settings.Variable("SOURCE_DATE_EPOCH")));
        IReadOnlyList<string> tags = settings.List(cli.Tags, file.Tag);
        // A tag in --target-repo is the image's tag, and --tag adds more; "latest" is only the fallback when none is given.
        string? givenTag = pushTo?.Tag ?? localName?.Tag;
        IEnumerable<string> allTags = givenTag is null ? tags : tags.Prepend(givenTag);
        ImmutableList<string> resolvedTags = allTags.Any() ? [.. allTags.Distinct(StringComparer.Ordinal)] : spec.Tags;
        Setting entrypoint = settings.Text(cli.Entrypoint, file.Entrypoint, "entrypoint", "TKO_ENTRYPOINT");
        Setting jobs = settings.Text(cli.Jobs, Invariant(file.Jobs), "jobs", "TKO_JOBS");
        Setting level = settings.Text(cli.CompressionLevel, Invariant(file.CompressionLevel), "compression-level", "TKO_COMPRESSION_LEVEL");
        Setting chunkSize = settings.Text(cli.ChunkSize, Invariant(file.ChunkSize), "chunk-size", "TKO_CHUNK_SIZE");
        string destPath = settings.Text(cli.DestPath, file.DestPath ?? file.DestinationPath, file.DestPath is null ? "destination-path" : "dest-path", "TKO_DEST_PATH").Value ?? spec.DestPath;
        bool chown = settings.Flag(cli.DestChown, file.DestChown ?? file.DestinationChown) ?? true;
        bool verbose = settings.Flag(cli.Verbose, file.Verbose) ?? false;
        Setting tmp = ExistingDirectory(settings.Text(cli.Tmp, file.Tmp, "tmp", "TKO_TMP"));
        Setting imageRefs = WritableFile(settings.Text(cli.ImageRefs, file.ImageRefs, "image-refs"));
        ImmutableList<Platform> platforms = ParsePlatforms(settings.Text(cli.Platforms, file.Platforms, "platforms", "TKO_PLATFORMS", "TKO_PLATFORM")) ?? spec.Platforms;

        spec = spec
            .WithBaseRef(settings.Text(cli.BaseRef, file.BaseRef, "base-ref", "TKO_BASE_REF", "TKO_BASE_IMAGE").Value ?? DefaultBaseRef)
            .WithTarget(target)
            .WithRepository(pushTo?.Name ?? localName?.Name ?? spec.Repository)
            .WithTags(resolvedTags)
            .WithRegistry(RegistryOptions(settings, cli, file, spec.Registry, pushTo, verbose, tmp.Value))
            .WithDestPath(destPath)
            .WithUid(chown ? 0 : LayerPlanner.SourceOwner)
            .WithGid(chown ? 0 : LayerPlanner.SourceOwner)
            .WithEntrypoint(entrypoint.Value is { } path ? [path] : spec.Entrypoint)
            .WithPlatforms(platforms)
            .WithMetadata(Metadata(settings, cli, file, source, destPath))
            .WithOverrides(Overrides(config, file))
            .WithLayer(Validated(spec.Layer
                .WithWorkers(ParseInt(jobs) ?? spec.Layer.Workers)
                .WithCompressionLevel(ParseInt(level) ?? spec.Layer.CompressionLevel)
                .WithChunkSize(ParseInt(chunkSize) ?? spec.Layer.ChunkSize), jobs, level, chunkSize));
        return new BuildInvocation(spec, imageRefs.Value, verbose, settings.Flag(cli.Quiet, file.Quiet) ?? false);
    }

    /// <summary>
    /// Env, user, author and annotations. The working directory is the destination, as in the
    /// original tko; annotations are git's (if asked), then the defaults, then the others over them.
    /// </summary>
    private static ImageMetadata Metadata(SettingSources settings, BuildCommandLine cli, BuildSection file, string source, string destPath)
    {
        ImmutableList<KeyValuePair<string, string>> env = settings.Pairs(cli.Env, file.Env, "TKO_ENV_VARS");
        ImmutableList<KeyValuePair<string, string>> defaults = settings.Pairs(cli.DefaultAnnotations, file.DefaultAnnotations, "TKO_DEFAULT_ANNOTATIONS");
        ImmutableList<KeyValuePair<string, string>> annotations = settings.Pairs(cli.Annotations, file.Annotations, "TKO_ANNOTATIONS");
        Setting autoVersion = settings.Text(cli.AutoVersionAnnotation, file.AutoVersionAnnotation, "auto-version-annotation", "TKO_AUTO_VERSION_ANNOTATION");
        ImmutableList<KeyValuePair<string, string>> versions = (autoVersion.Value ?? "none") switch
        {
            "none" => [],
            "git" => GitVersionAnnotations.For(GitCheckout.Read(source, autoVersion.Source), autoVersion.Source),
            var other => throw new OptionException(autoVersion.Source, $"'{other}' is not git or none"),
        };
        ImmutableList<KeyValuePair<string, string>> all = KeyValueList.Over(KeyValueList.Over(versions, defaults), annotations);
        return ImageMetadata.Empty
            .WithEnv([.. env.Select(p => $"{p.Key}={p.Value}")])
            .WithUser(settings.Text(cli.RunAs, file.RunAs, "run-as", "TKO_RUN_AS").Value)
            .WithAuthor(settings.Text(cli.Author, file.Author, "author", "TKO_AUTHOR").Value)
            .WithWorkingDir(destPath)
            .WithAnnotations(ImageMetadata.Empty.Annotations.SetItems(all));
    }

    /// <summary>The <c>platform-overrides:</c> of <c>.tko.yml</c>, in the file's order.</summary>
    private static ImmutableList<PlatformOverride> Overrides(TkoConfig? config, BuildSection file)
    {
        if (config is null || file.PlatformOverrides is null) return [];
        var overrides = ImmutableList.CreateBuilder<PlatformOverride>();
        foreach ((string name, PlatformSection? section) in file.PlatformOverrides)
        {
            string where = config.Where("platform-overrides." + name);
            Platform platform;
            try
            {
                platform = Platform.Parse(name);
            }
            catch (FormatException e)
            {
                throw new OptionException(where, e.Message);
            }
            if (section is null) continue;
            ImmutableList<string>? env = section.Env is null ? null : [.. section.Env.Select(p => $"{p.Key}={p.Value}")];
            overrides.Add(new PlatformOverride(platform, section.BaseRef, section.Source,
                section.Entrypoint is { } entrypoint ? [entrypoint] : null, env, section.RunAs));
        }
        return overrides.ToImmutable();
    }

    /// <summary>Checks the layer options, naming the environment variable or file key instead of the flag when that is where a bad value came from.</summary>
    private static LayerOptions Validated(LayerOptions options, params Setting[] settings)
    {
        try
        {
            return options.Validated();
        }
        catch (OptionException e) when (settings.Any(s => s.Flag == e.Option && s.Source != s.Flag))
        {
            throw new OptionException(settings.First(s => s.Flag == e.Option).Source, e.Problem);
        }
    }

    /// <summary>
    /// The image name of a tarball or layout as the user wrote it (no registry added), and the tag
    /// it carries: <c>app:v1</c> is the name <c>app</c> tagged <c>v1</c>, never a repository named <c>app:v1</c>.
    /// </summary>
    private static (string Name, string? Tag)? LocalName(Setting targetRepo)
    {
        if (targetRepo.Value is not { } text) return null;
        ImageReference reference = ImageReference.TryParse(text)
            ?? throw new OptionException(targetRepo.Source, $"'{text}' is not an image name such as example.local/app or example.local/app:v1");
        string name = reference.Digest is null ? text : text[..text.IndexOf('@', StringComparison.Ordinal)];
        if (reference.Tag is { } tag && name.EndsWith(":" + tag, StringComparison.Ordinal)) name = name[..^(tag.Length + 1)];
        return (name, reference.Tag);
    }

    private static ImageReference PushTarget(Setting targetRepo)
    {
        if (targetRepo.Value is null)
            throw new OptionException(targetRepo.Source, "REMOTE needs the repository to push to, e.g. --target-repo ghcr.io/me/app (or TKO_TARGET_REPO)");
        return ImageReference.TryParse(targetRepo.Value)
            ?? throw new OptionException(targetRepo.Source, $"'{targetRepo.Value}' is not an image repository such as ghcr.io/me/app or localhost:5000/app");
    }

    private static RegistryClientOptions RegistryOptions(
        SettingSources settings, BuildCommandLine cli, BuildSection file, RegistryClientOptions defaults, ImageReference? pushTo, bool verbose, string? tmp)
    {
        string? user = settings.Text(cli.RegistryUser, file.RegistryUser, "registry-user", "TKO_REGISTRY_USER").Value;
        string? password = settings.Text(cli.RegistryPass, file.RegistryPass, "registry-pass", "TKO_REGISTRY_PASS").Value;
        if ((user is null) != (password is null))
            throw new OptionException(user is null ? "--registry-user" : "--registry-pass", "give both --registry-user and --registry-pass (or TKO_REGISTRY_USER and TKO_REGISTRY_PASS), or neither");
        IReadOnlyList<string> insecure = settings.List(cli.InsecureRegistries, file.InsecureRegistry, "TKO_INSECURE_REGISTRIES");
        RegistryClientOptions options = defaults with
        {
            InsecureRegistries = [.. insecure],
            UploadChunkSize = ParseInt(settings.Text(cli.UploadChunkSize, Invariant(file.UploadChunkSize), "upload-chunk-size", "TKO_UPLOAD_CHUNK_SIZE")) ?? defaults.UploadChunkSize,
            TemporaryDirectory = tmp ?? defaults.TemporaryDirectory,
            Log = verbose ? line => Console.Error.WriteLine($"tko: {line}") : null,
        };
        if (user is not null && password is not null)
        {
            string registry = pushTo?.Registry
                ?? throw new OptionException("--registry-user", "credentials are for the registry pushed to; use them with --target-type REMOTE");
            options = options with { Logins = [new RegistryLogin(registry, user, password)] };
        }
        return options;
    }

    private static Setting ExistingDirectory(Setting setting) =>
        setting.Value is { } path && !Directory.Exists(path)
            ? throw new OptionException(setting.Source, $"{path}: no such directory; give an existing directory for temporary files")
            : setting;

    /// <summary>Checks before building that the reference can be written where asked, so a finished push is not reported as a failure for a typo.</summary>
    private static Setting WritableFile(Setting setting)
    {
        if (setting.Value is not { } path) return setting;
        string parent = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        if (!Directory.Exists(parent))
            throw new OptionException(setting.Source, $"{path}: the directory {parent} does not exist");
        if (Directory.Exists(path))
            throw new OptionException(setting.Source, $"{path}: is a directory; give a file to write the image reference to");
        return setting;
    }

    private static ImmutableList<Platform>? ParsePlatforms(Setting setting)
    {
        if (setting.Value is null) return null;
        try
        {
            ImmutableList<Platform> platforms = [.. setting.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Platform.Parse)];
            return platforms.Count > 0 ? platforms : throw new FormatException($"'{setting.Value}' names no platform; give os/arch[/variant]");
        }
        catch (FormatException e)
        {
            throw new OptionException(setting.Source, e.Message);
        }
    }

    private static int? ParseInt(Setting setting)
    {
        if (setting.Value is null) return null;
        return int.TryParse(setting.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new OptionException(setting.Source, $"'{setting.Value}' is not a whole number");
    }

    private static string? Invariant(int? number) => number?.ToString(CultureInfo.InvariantCulture);
}
