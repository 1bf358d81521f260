using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Tko.Cli.ConfigFile;
using Tko.Cli.DotEnv;
using Table = Tko.Cli.BuildOptionTable;

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

    /// <summary>The <c>--platforms</c> value that asks for every platform of the base SOURCE has a directory for.</summary>
    public const string AllPlatforms = "all";

    /// <summary>Where a daemon target listens, as Docker's clients read it (see Target.WithDockerHostVariable).</summary>
    private const string DockerHostVariable = Target.DockerHostVariableName;

    /// <summary>The entry mtime and created time, as reproducible builds spell it; the library property it becomes.</summary>
    private const string SourceDateEpochVariable = "SOURCE_DATE_EPOCH";
    private const string ModificationTimeProperty = "LayerOptions.ModificationTime";

    /// <summary>Resolves the build in the process's working directory.</summary>
    public static BuildInvocation Resolve(ParseResult parsed, BuildCommandLine cli, Func<string, string?> environment) =>
        Resolve(parsed, cli, environment, Directory.GetCurrentDirectory());

    /// <summary>
    /// Resolves the build; <c>.env.local</c>, <c>.env</c> (under <paramref name="environment"/>) and
    /// <c>.tko.yml</c> are looked for in <paramref name="workingDirectory"/>.
    /// </summary>
    public static BuildInvocation Resolve(ParseResult parsed, BuildCommandLine cli, Func<string, string?> environment, string workingDirectory)
    {
        EnvironmentVariables variables = DotEnvFiles.Under(environment, workingDirectory);
        TkoConfig? config = TkoConfigReader.Read(parsed.GetValue(cli.Config), workingDirectory);
        var settings = new SettingSources(parsed, cli, variables, config);

        Setting sourceSetting = settings.Text(Table.Source);
        string source = sourceSetting.Value
            ?? throw new OptionException(Table.Source.Flag, "give the directory of build artifacts as an argument, in TKO_SOURCE_PATH or as source: in .tko.yml");

        Setting targetType = settings.Text(Table.TargetType);
        Setting output = settings.Text(Table.Output);
        Setting targetRepo = settings.Text(Table.TargetRepo);
        ImageReference? pushTo = null;
        string kind = (targetType.Value ?? TargetType.Remote).ToUpperInvariant();
        (string Name, string? Tag)? localName = kind is TargetType.LocalFile or TargetType.OciLayout ? LocalName(targetRepo) : null;
        Target target = kind switch
        {
            TargetType.Remote => Target.Registry(pushTo = PushTarget(targetRepo)),
            TargetType.LocalFile => Target.DockerTarball(output.Value ?? "out.tar"),
            TargetType.OciLayout => Target.OciLayout(output.Value ?? "out-oci"),
            TargetType.LocalDaemon => Target.DockerDaemon(pushTo = PushTarget(targetRepo with { Value = targetRepo.Value ?? BuildSpec.DefaultRepository(source) }))
                .WithDockerHostVariable(settings.Variable(DockerHostVariable)),
            var other => throw new OptionException(targetType.Source, $"'{other}' is not one of {string.Join(", ", TargetType.All)}"),
        };

        BuildSpec spec = BuildSpec.FromDirectory(source, SourceDateEpoch.Parse(settings.Variable(SourceDateEpochVariable)));
        // --tag adds to the tag in --target-repo; the library's PublishedTags decides, "latest" only when neither gives one.
        // A layout or tarball target has no reference, so the tag of its name leads the list.
        IReadOnlyList<string> tags = settings.List(Table.Tags);
        ImmutableList<string> resolvedTags = localName?.Tag is { } localTag ? [localTag, .. tags] : [.. tags];
        Setting entrypoint = settings.Text(Table.Entrypoint);
        Setting jobs = settings.Text(Table.Jobs);
        Setting compression = settings.Text(Table.Compression);
        Setting level = settings.Text(Table.CompressionLevel);
        Setting chunkSize = settings.Text(Table.ChunkSize);
        Setting destPath = settings.Text(Table.DestPath);
        bool chown = settings.Switch(Table.DestChown) ?? true;
        bool verbose = settings.Switch(Table.Verbose) ?? false;
        Setting tmp = ExistingDirectory(settings.Text(Table.Tmp));
        Setting imageRefs = WritableFile(settings.Text(Table.ImageRefs), "the image reference");
        Setting metadataFile = WritableFile(settings.Text(Table.MetadataFile), "the build's metadata");
        string alsoOutputSource = settings.ListSource(Table.AlsoOutput);
        ImmutableList<Target> alsoOutputs = AlsoOutputs(settings.List(Table.AlsoOutput), alsoOutputSource);
        Setting platformsSetting = settings.Text(Table.Platforms);
        bool allPlatforms = string.Equals(platformsSetting.Value?.Trim(), AllPlatforms, StringComparison.OrdinalIgnoreCase);
        ImmutableList<Platform> platforms = (allPlatforms ? null : ParsePlatforms(platformsSetting)) ?? spec.Platforms;
        Setting uploadChunkSize = settings.Text(Table.UploadChunkSize);
        Setting registryTimeout = settings.Text(Table.RegistryTimeout);
        Setting baseRef = BaseReference(settings.Text(Table.BaseRef));
        Setting sbomSetting = settings.Text(Table.Sbom);
        SbomFormat sbom = SbomFormatOf(sbomSetting);
        Setting sbomDir = settings.Text(Table.SbomDir);
        if (sbomDir.Value is { } sbomPath && !Directory.Exists(sbomPath))
            throw new OptionException(sbomDir.Source, $"{sbomPath}: no such directory; give an existing directory for the SBOM files");
        // Only a registry holds the SBOM as a referrer (a tarball or daemon cannot, and tko's layouts
        // do not yet): elsewhere it is made only to be written to --sbom-dir.
        bool holdsReferrers = target.Kind is TargetKind.Registry;
        SbomFormat made = holdsReferrers || sbomDir.Value is not null ? sbom : SbomFormat.None;
        string? sbomWarning = !holdsReferrers && sbom != SbomFormat.None && (sbomSetting.Value is not null || sbomDir.Value is not null)
            ? $"warning: {target.Kind switch { TargetKind.DockerDaemon => "the daemon cannot", TargetKind.OciLayout => "an OCI layout written by tko does not yet", _ => "a docker tarball cannot" }} hold the SBOM as a referrer; " +
              (sbomDir.Value is { } dir ? $"it is written to {dir} only" : "give --sbom-dir to keep it")
            : null;

        // Where each library property got its value, so the library's errors, which name properties, can name the flag, variable or file line.
        Setting workdir = settings.Text(Table.Workdir);
        ImmutableDictionary<string, string> propertySources = new[] { output, destPath, platformsSetting, jobs, compression, level, chunkSize, uploadChunkSize, registryTimeout, baseRef, sbomSetting, entrypoint, workdir }
            .Select(setting => KeyValuePair.Create(Table.Options.First(row => row.Flag == setting.Flag).Property!, setting.Source))
            .Append(KeyValuePair.Create(Table.Expose.Property!, settings.ListSource(Table.Expose)))
            .Append(KeyValuePair.Create(ModificationTimeProperty, SourceDateEpochVariable))
            .Append(KeyValuePair.Create(Table.AlsoOutput.Property!, alsoOutputSource))
            .ToImmutableDictionary(StringComparer.Ordinal);

        spec = spec
            .WithBaseRef(baseRef.Value ?? DefaultBaseRef)
            .WithTarget(target)
            .WithRepository(pushTo?.Name ?? localName?.Name ?? spec.Repository)
            .WithTags(resolvedTags)
            .WithRegistry(RegistryOptions(settings, RegistryClientOptions.FromEnvironment(), pushTo, tmp.Value, uploadChunkSize, registryTimeout))
            .WithDestPath(destPath.Value ?? spec.DestPath)
            .WithUid(chown ? 0 : LayerPlanner.SourceOwner)
            .WithGid(chown ? 0 : LayerPlanner.SourceOwner)
            .WithModes(new FileModes(settings.Switch(Table.KeepModes) ?? false, ModeRules(settings)))
            .WithEntrypoint(entrypoint.Value is { } text ? Entrypoint(text, entrypoint.Source) : spec.Entrypoint)
            .WithPlatforms(platforms)
            .WithMetadata(Metadata(settings, source, workdir.Value ?? destPath.Value ?? spec.DestPath))
            .WithOverrides(Overrides(config, config?.Build))
            .WithAlsoOutputs(alsoOutputs)
            .WithSbom(made)
            .WithStrict(settings.Switch(Table.Strict) ?? false)
            .WithPlatformsFromBase(allPlatforms)
            .WithLayer(spec.Layer
                .WithWorkers(ParseInt(jobs) ?? spec.Layer.Workers)
                .WithCompression(ParseCompression(compression) ?? spec.Layer.Compression)
                .WithCompressionLevel(ParseInt(level) ?? spec.Layer.CompressionLevel)
                .WithChunkSize(ParseInt(chunkSize) ?? spec.Layer.ChunkSize));
        var invocation = new BuildInvocation(spec, imageRefs.Value, metadataFile.Value, verbose, settings.Switch(Table.Quiet) ?? false, propertySources)
        {
            SbomDirectory = sbomDir.Value,
            Warnings = sbomWarning is null ? [] : [sbomWarning],
        };
        try
        {
            spec.Layer.Validated();
        }
        catch (OptionException e)
        {
            throw invocation.Explain(e);
        }
        return invocation;
    }

    /// <summary>
    /// Env, user, author, Cmd, ports and annotations. The working directory is --workdir's, else the
    /// destination, as in the original tko; annotations are git's (if asked), then the defaults, then the others over them.
    /// </summary>
    private static ImageMetadata Metadata(SettingSources settings, string source, string workingDir)
    {
        ImmutableList<KeyValuePair<string, string>> env = settings.Pairs(Table.Env);
        ImmutableList<KeyValuePair<string, string>> defaults = settings.Pairs(Table.DefaultAnnotations);
        ImmutableList<KeyValuePair<string, string>> annotations = settings.Pairs(Table.Annotations);
        Setting autoVersion = settings.Text(Table.AutoVersionAnnotation);
        ImmutableList<KeyValuePair<string, string>> versions = (autoVersion.Value ?? "none") switch
        {
            "none" => [],
            "git" => GitVersionAnnotations.For(GitCheckout.Read(source, autoVersion.Source), autoVersion.Source),
            var other => throw new OptionException(autoVersion.Source, $"'{other}' is not git or none"),
        };
        ImmutableList<KeyValuePair<string, string>> all = KeyValueList.Over(KeyValueList.Over(versions, defaults), annotations);
        return ImageMetadata.Empty
            .WithEnv([.. env.Select(p => $"{p.Key}={p.Value}")])
            .WithUser(settings.Text(Table.RunAs).Value)
            .WithAuthor(settings.Text(Table.Author).Value)
            .WithWorkingDir(workingDir)
            .WithCmd([.. settings.List(Table.Cmd)])
            .WithExposedPorts([.. settings.List(Table.Expose)])
            .WithAnnotations(ImageMetadata.Empty.Annotations.SetItems(all))
            .WithLabels(ImageMetadata.Empty.Labels.SetItems(settings.Pairs(Table.Labels)));
    }

    /// <summary>The <c>platform-overrides:</c> of <c>.tko.yml</c>, in the file's order.</summary>
    private static ImmutableList<PlatformOverride> Overrides(TkoConfig? config, BuildSection? file)
    {
        if (config is null || file?.PlatformOverrides is null) return [];
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
            if (section.BaseRef is { } overrideBase)
                BaseReference(new Setting(overrideBase, config.Where($"platform-overrides.{name}.base-ref"), Table.BaseRef.Flag));
            ImmutableList<string>? env = section.Env is null ? null
                : [.. section.Env.Pairs(config.Where($"platform-overrides.{name}.env")).Select(p => $"{p.Key}={p.Value}")];
            overrides.Add(new PlatformOverride(platform, section.BaseRef, section.Source,
                section.Entrypoint is { } entrypoint ? Entrypoint(entrypoint, config.Where($"platform-overrides.{name}.entrypoint")) : null, env, section.RunAs));
        }
        return overrides.ToImmutable();
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

    /// <summary>The entrypoint argv of a path or a JSON array, refused where it was given.</summary>
    private static ImmutableList<string> Entrypoint(string text, string where)
    {
        try
        {
            return EntrypointForm.Parse(text);
        }
        catch (FormatException e)
        {
            throw new OptionException(where, e.Message);
        }
    }

    private static ImageReference PushTarget(Setting targetRepo)
    {
        if (targetRepo.Value is null)
            throw new OptionException(targetRepo.Source, "REMOTE needs the repository to push to, e.g. --target-repo ghcr.io/me/app (or TKO_TARGET_REPO)");
        return ImageReference.TryParse(targetRepo.Value)
            ?? throw new OptionException(targetRepo.Source, $"'{targetRepo.Value}' is not an image repository such as ghcr.io/me/app or localhost:5000/app");
    }

    private static RegistryClientOptions RegistryOptions(
        SettingSources settings, RegistryClientOptions defaults, ImageReference? pushTo, string? tmp, Setting uploadChunkSize, Setting registryTimeout)
    {
        string? user = settings.Text(Table.RegistryUser).Value;
        string? password = settings.Text(Table.RegistryPass).Value;
        if ((user is null) != (password is null))
            throw new OptionException(user is null ? "--registry-user" : "--registry-pass", "give both --registry-user and --registry-pass (or TKO_REGISTRY_USER and TKO_REGISTRY_PASS), or neither");
        IReadOnlyList<string> insecure = settings.List(Table.InsecureRegistries);
        RegistryClientOptions options = defaults with
        {
            InsecureRegistries = [.. insecure],
            UploadChunkSize = ParseInt(uploadChunkSize) ?? defaults.UploadChunkSize,
            ResponseTimeout = ParseInt(registryTimeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.ResponseTimeout,
            TemporaryDirectory = tmp ?? defaults.TemporaryDirectory,
        };
        if (user is not null && password is not null)
        {
            string registry = pushTo?.Registry
                ?? throw new OptionException("--registry-user", "credentials are for the registry pushed to; use them with --target-type REMOTE");
            options = options with { Logins = [new RegistryLogin(registry, user, password)] };
        }
        return options;
    }

    /// <summary>The SBOM format, as ko spells it; CycloneDX is refused until it is made.</summary>
    private static SbomFormat SbomFormatOf(Setting setting) => (setting.Value ?? "spdx") switch
    {
        "spdx" => SbomFormat.Spdx,
        "none" => SbomFormat.None,
        "cyclonedx" => throw new OptionException(setting.Source, "cyclonedx SBOMs are not made yet; use spdx or none"),
        var other => throw new OptionException(setting.Source, $"'{other}' is not spdx or none"),
    };

    private static Setting ExistingDirectory(Setting setting) =>
        setting.Value is { } path && !Directory.Exists(path)
            ? throw new OptionException(setting.Source, $"{path}: no such directory; give an existing directory for temporary files")
            : setting;

    /// <summary>The <c>--also-output</c> values, each <c>oci:PATH</c> or <c>docker-archive:PATH</c> in an existing directory.</summary>
    private static ImmutableList<Target> AlsoOutputs(IReadOnlyList<string> values, string source)
    {
        var targets = ImmutableList.CreateBuilder<Target>();
        foreach (string value in values)
        {
            Target target = value switch
            {
                _ when value.StartsWith(OciPrefix, StringComparison.Ordinal) && value.Length > OciPrefix.Length => Target.OciLayout(value[OciPrefix.Length..]),
                _ when value.StartsWith(DockerArchivePrefix, StringComparison.Ordinal) && value.Length > DockerArchivePrefix.Length => Target.DockerTarball(value[DockerArchivePrefix.Length..]),
                _ => throw new OptionException(source, $"'{value}' is not {OciPrefix}PATH (an OCI layout) or {DockerArchivePrefix}PATH (a docker tarball)"),
            };
            string parent = Path.GetDirectoryName(Path.GetFullPath(Path.TrimEndingDirectorySeparator(target.Path!))) ?? "/";
            if (!Directory.Exists(parent))
                throw new OptionException(source, $"{value}: the directory {parent} does not exist");
            targets.Add(target);
        }
        return targets.ToImmutable();
    }

    private const string OciPrefix = "oci:";
    private const string DockerArchivePrefix = "docker-archive:";

    /// <summary>Checks before building that <paramref name="what"/> can be written where asked, so a finished push is not reported as a failure for a typo.</summary>
    private static Setting WritableFile(Setting setting, string what)
    {
        if (setting.Value is not { } path) return setting;
        string parent = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        if (!Directory.Exists(parent))
            throw new OptionException(setting.Source, $"{path}: the directory {parent} does not exist");
        if (Directory.Exists(path))
            throw new OptionException(setting.Source, $"{path}: is a directory; give a file to write {what} to");
        return setting;
    }

    /// <summary>The <c>--chmod</c> rules in the order given, each checked where it was written.</summary>
    private static ImmutableList<ModeRule> ModeRules(SettingSources settings)
    {
        try
        {
            return [.. settings.List(Table.Chmod).Select(ModeRule.Parse)];
        }
        catch (FormatException e)
        {
            throw new OptionException(settings.ListSource(Table.Chmod), e.Message);
        }
    }

    private static ImmutableList<Platform>? ParsePlatforms(Setting setting)
    {
        if (setting.Value is null) return null;
        try
        {
            ImmutableList<Platform> platforms = [.. CommaList.Split(setting.Value).Select(Platform.Parse)];
            return platforms.Count > 0 ? platforms : throw new FormatException($"'{setting.Value}' names no platform; give os/arch[/variant]");
        }
        catch (FormatException e)
        {
            throw new OptionException(setting.Source, e.Message);
        }
    }

    private static LayerCompression? ParseCompression(Setting setting) => setting.Value switch
    {
        null => null,
        "gzip" => LayerCompression.Gzip,
        "zstd" => LayerCompression.Zstd,
        var other => throw new OptionException(setting.Source, $"'{other}' is not gzip or zstd"),
    };

    private static int? ParseInt(Setting setting)
    {
        if (setting.Value is null) return null;
        return int.TryParse(setting.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new OptionException(setting.Source, $"'{setting.Value}' is not a whole number");
    }

    /// <summary>
    /// Checks a base reference up front, so a malformed one is a usage error naming where it was given:
    /// <c>scratch</c>, <c>oci:PATH[:TAG]</c> or a registry reference.
    /// </summary>
    private static Setting BaseReference(Setting setting)
    {
        if (setting.Value is not { } text || text == BuildSpec.Scratch || text.StartsWith(BaseResolver.OciLayoutPrefix, StringComparison.Ordinal))
            return setting;
        try
        {
            ImageReference.Parse(text);
            return setting;
        }
        catch (ImageReferenceException e)
        {
            throw new OptionException(setting.Source, $"{e.Message}; give a registry reference (HOST/REPO[:TAG][@sha256:…]), oci:PATH[:TAG] or scratch");
        }
    }
}
