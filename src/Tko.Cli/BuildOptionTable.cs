using System.Collections.Immutable;
using System.Globalization;
using static Tko.Cli.SettingKind;

namespace Tko.Cli;

/// <summary>
/// Every setting of <c>tko build</c>, once: flag, short forms, variables, <c>.tko.yml</c> keys,
/// default, help and kind. The parser (<see cref="BuildCommandLine"/>), the environment and file
/// readers (<see cref="SettingSources"/>), the file's key kinds and README's table (checked by a
/// test) all follow from it; a new setting is one more row here (and its typed property in
/// <c>BuildSection</c>, which YamlDotNet's generator needs). Names and variables are the original tko's.
/// </summary>
internal static class BuildOptionTable
{
    public static readonly BuildOption Source = new("SOURCE", Text, "Directory of build artifacts to add as a layer") { Variables = ["TKO_SOURCE_PATH"], Default = "(required)", FileKeys = [new("source", f => f.Source)] };
    public static readonly BuildOption BaseRef = new("--base-ref", Text, "Base image: a registry reference, oci:PATH[:TAG] or scratch") { Aliases = ["-b"], Variables = ["TKO_BASE_REF", "TKO_BASE_IMAGE"], Default = BuildSettings.DefaultBaseRef, FileKeys = [new("base-ref", f => f.BaseRef)], Property = "BuildSpec.BaseRef" };
    public static readonly BuildOption TargetType = new("--target-type", Text, "REMOTE (push to --target-repo), LOCAL_DAEMON, LOCAL_FILE (docker tarball) or OCI_LAYOUT") { Aliases = ["-T"], Variables = ["TKO_TARGET_TYPE"], Default = Cli.TargetType.Remote, FileKeys = [new("target-type", f => f.TargetType)] };
    public static readonly BuildOption TargetRepo = new("--target-repo", Text, "Repository to push to (REMOTE), or the image name in the printed reference and tags") { Aliases = ["-t"], Variables = ["TKO_TARGET_REPO"], Default = "tko.local/<source dir>", FileKeys = [new("target-repo", f => f.TargetRepo)] };
    public static readonly BuildOption Output = new("--output", Text, "Output path") { Aliases = ["-o"], Variables = ["TKO_OUTPUT"], Default = "out.tar for LOCAL_FILE, out-oci for OCI_LAYOUT", FileKeys = [new("output", f => f.Output)], Property = "Target.Path" };
    public static readonly BuildOption Tags = new("--tag", List, "Tag to record with the image, repeatable") { Variables = ["TKO_TAGS"], Default = "latest", FileKeys = [new("tag", f => f.Tag)] };
    public static readonly BuildOption DestPath = new("--dest-path", Text, "Absolute directory in the image that receives SOURCE; also the image's working directory unless --workdir") { Aliases = ["-d", "--destination-path"], Variables = ["TKO_DEST_PATH"], Default = "/tko-app", FileKeys = [new("dest-path", f => f.DestPath), new("destination-path", f => f.DestinationPath)], Property = "BuildSpec.DestPath" };
    public static readonly BuildOption DestChown = new("--dest-chown", Switch, "Own every entry as root:root; false keeps each file's uid and gid from the source tree") { Aliases = ["--destination-chown"], Default = "true", FileKeys = [new("dest-chown", f => f.DestChown), new("destination-chown", f => f.DestinationChown)] };
    public static readonly BuildOption KeepModes = new("--keep-modes", Switch, "Keep each entry's permission bits from disk; by default directories and executables are 0755, other files 0644") { Variables = ["TKO_KEEP_MODES"], Default = "false", FileKeys = [new("keep-modes", f => f.KeepModes)] };
    public static readonly BuildOption Chmod = new("--chmod", List, "MODE=GLOB[,GLOB…]: octal mode for the SOURCE paths matching a glob, repeatable, later rules win") { FileKeys = [new("chmod", f => f.Chmod)] };
    public static readonly BuildOption Entrypoint = new("--entrypoint", Text, "Entrypoint of the image: one path, or a JSON array as Dockerfile's exec form, e.g. '[\"/bin/sh\",\"-c\",\"echo hi\"]'") { Variables = ["TKO_ENTRYPOINT"], Default = "/tko-app/app", FileKeys = [new("entrypoint", f => f.Entrypoint)], Property = "BuildSpec.Entrypoint" };
    public static readonly BuildOption Platforms = new("--platforms", Text, "Platforms as os/arch[/variant], comma-separated, or all: every platform of the base that SOURCE has an os/arch[/variant] directory for") { Aliases = ["-p", "--platform"], Variables = ["TKO_PLATFORMS", "TKO_PLATFORM"], Default = "linux/amd64", FileKeys = [new("platforms", f => f.Platforms?.Text), new("platform", f => f.Platform?.Text)], FileTakesList = true, Property = "BuildSpec.Platforms" };
    public static readonly BuildOption Author = new("--author", Text, "The image config's author; without it the base's is kept") { Variables = ["TKO_AUTHOR"], FileKeys = [new("author", f => f.Author)] };
    public static readonly BuildOption DefaultAnnotations = new("--default-annotations", Pairs, "Annotations of the manifest and labels of the config, as KEY=VALUE[,KEY=VALUE…], repeatable") { Aliases = ["-A"], Variables = ["TKO_DEFAULT_ANNOTATIONS"], FileKeys = [new("default-annotations", f => f.DefaultAnnotations)] };
    public static readonly BuildOption Annotations = new("--annotations", Pairs, "Annotations and labels as KEY=VALUE[,KEY=VALUE…] over --default-annotations, repeatable") { Aliases = ["-a"], Variables = ["TKO_ANNOTATIONS"], FileKeys = [new("annotations", f => f.Annotations)] };
    public static readonly BuildOption AutoVersionAnnotation = new("--auto-version-annotation", Text, "git: annotate the image's revision and version from the git checkout of SOURCE; none: do not") { Variables = ["TKO_AUTO_VERSION_ANNOTATION"], Default = "none", FileKeys = [new("auto-version-annotation", f => f.AutoVersionAnnotation)] };
    public static readonly BuildOption Env = new("--env", Pairs, "Environment variables as KEY=VALUE[,KEY=VALUE…] set over the base's, repeatable") { Aliases = ["-e"], Variables = ["TKO_ENV_VARS"], FileKeys = [new("env", f => f.Env)] };
    public static readonly BuildOption RunAs = new("--run-as", Text, "User (and group) the entrypoint runs as, e.g. 65532 or app:app; without it the base's") { Variables = ["TKO_RUN_AS"], FileKeys = [new("run-as", f => f.RunAs)] };
    // Image config (issue 12): labels, Cmd, ports, working directory, the entrypoint check.
    public static readonly BuildOption Labels = new("--label", Pairs, "Config labels only, as KEY=VALUE[,KEY=VALUE…] over the base's and the annotations, repeatable") { Variables = ["TKO_LABELS"], FileKeys = [new("labels", f => f.Labels)] };
    // Supply chain (issue 13): the SBOM of each platform's image.
    public static readonly BuildOption Sbom = new("--sbom", Text, "SBOM of each platform's image, attached as an OCI referrer: spdx or none (cyclonedx is not made yet)") { Variables = ["TKO_SBOM"], Default = "spdx", FileKeys = [new("sbom", f => f.Sbom)], Property = "BuildSpec.Sbom" };
    public static readonly BuildOption SbomDir = new("--sbom-dir", Text, "Existing directory the SBOMs are also written to, one file per platform (linux-amd64.spdx.json)") { Variables = ["TKO_SBOM_DIR"], FileKeys = [new("sbom-dir", f => f.SbomDir)] };
    public static readonly BuildOption Cmd = new("--cmd", List, "An argument of the config's Cmd (the entrypoint's default arguments), repeatable; without it Cmd is cleared") { Variables = ["TKO_CMD"], FileKeys = [new("cmd", f => f.Cmd)] };
    public static readonly BuildOption Expose = new("--expose", List, "PORT[/tcp|udp] to add to the base's ExposedPorts, repeatable") { Variables = ["TKO_EXPOSE"], FileKeys = [new("expose", f => f.Expose)], Property = "ImageMetadata.ExposedPorts" };
    public static readonly BuildOption Workdir = new("--workdir", Text, "Absolute working directory of the entrypoint") { Variables = ["TKO_WORKDIR"], Default = "the destination (--dest-path)", FileKeys = [new("workdir", f => f.Workdir)], Property = "ImageMetadata.WorkingDir" };
    public static readonly BuildOption Strict = new("--strict", Switch, "Fail (exit 2, nothing written) instead of warning when the entrypoint's executable is in neither the new layer nor the base") { Variables = ["TKO_STRICT"], Default = "false", FileKeys = [new("strict", f => f.Strict)] };
    public static readonly BuildOption Jobs = new("--jobs", Number, "Compression workers") { Aliases = ["-j"], Variables = ["TKO_JOBS"], Default = "processor count", FileKeys = [new("jobs", f => f.Jobs)], Property = "LayerOptions.Workers" };
    public static readonly BuildOption Compression = new("--compression", Text, "Layer compression: gzip, or zstd (smaller and faster to make; makes an OCI manifest; REMOTE and OCI_LAYOUT only)") { Variables = ["TKO_COMPRESSION"], Default = "gzip", FileKeys = [new("compression", f => f.Compression)], Property = "LayerOptions.Compression" };
    public static readonly BuildOption CompressionLevel = new("--compression-level", Number, "gzip level 0-9, or zstd level 1-19") { Variables = ["TKO_COMPRESSION_LEVEL"], Default = Invariant(LayerOptions.DefaultCompressionLevel), FileKeys = [new("compression-level", f => f.CompressionLevel)], Property = "LayerOptions.CompressionLevel" };
    public static readonly BuildOption ChunkSize = new("--chunk-size", Number, "Bytes of tar each worker compresses at a time, 65536 to 268435456; part of what fixes the layer's bytes") { Variables = ["TKO_CHUNK_SIZE"], Default = Invariant(LayerOptions.DefaultChunkSize), FileKeys = [new("chunk-size", f => f.ChunkSize)], Property = "LayerOptions.ChunkSize" };
    public static readonly BuildOption RegistryUser = new("--registry-user", Text, "User name for the target registry") { Variables = ["TKO_REGISTRY_USER"], FileKeys = [new("registry-user", f => f.RegistryUser)] };
    public static readonly BuildOption RegistryPass = new("--registry-pass", Text, "Password or token for the target registry") { Variables = ["TKO_REGISTRY_PASS"], FileKeys = [new("registry-pass", f => f.RegistryPass)] };
    public static readonly BuildOption InsecureRegistries = new("--insecure-registry", List, "Registry HOST[:PORT] reached over plain HTTP or with an unverified certificate, repeatable") { Variables = ["TKO_INSECURE_REGISTRIES"], FileKeys = [new("insecure-registry", f => f.InsecureRegistry)] };
    public static readonly BuildOption UploadChunkSize = new("--upload-chunk-size", Number, "Bytes per upload request (PATCH), at least 5 MiB") { Variables = ["TKO_UPLOAD_CHUNK_SIZE"], Default = Invariant(RegistryClientOptions.Default.UploadChunkSize), FileKeys = [new("upload-chunk-size", f => f.UploadChunkSize)], Property = "RegistryClientOptions.UploadChunkSize" };
    public static readonly BuildOption RegistryTimeout = new("--registry-timeout", Number, "Seconds a registry response may go without a byte before the read is retried") { Variables = ["TKO_REGISTRY_TIMEOUT"], Default = Invariant((int)RegistryClientOptions.Default.ResponseTimeout.TotalSeconds), FileKeys = [new("registry-timeout", f => f.RegistryTimeout)], Property = "RegistryClientOptions.ResponseTimeout" };
    public static readonly BuildOption Tmp = new("--tmp", Text, "Existing directory for temporary files (the spool of a registry upload)") { Variables = ["TKO_TMP"], Default = "system temporary directory", FileKeys = [new("tmp", f => f.Tmp)] };
    public static readonly BuildOption ImageRefs = new("--image-refs", Text, "File to write the resulting image reference to, as ko does") { FileKeys = [new("image-refs", f => f.ImageRefs)] };
    // Several outputs and a result file (issue 12).
    public static readonly BuildOption MetadataFile = new("--metadata-file", Text, "File to write a JSON document describing the result to (reference, digest, tags, platforms, layers, bytes uploaded, duration), as buildx does") { Variables = ["TKO_METADATA_FILE"], FileKeys = [new("metadata-file", f => f.MetadataFile)] };
    public static readonly BuildOption AlsoOutput = new("--also-output", List, "Also write the image as oci:PATH (an OCI layout) or docker-archive:PATH (a docker tarball), from the same build, repeatable") { Variables = ["TKO_ALSO_OUTPUT"], FileKeys = [new("also-output", f => f.AlsoOutput)], Property = "BuildSpec.AlsoOutputs" };
    public static readonly BuildOption Config = new("--config", Text, "Settings file to read instead of ./.tko.yml or ./.tko.yaml; it must exist");
    public static readonly BuildOption Verbose = new("--verbose", Switch, "Log each registry request and retry and what a daemon answers on stderr (secrets removed), show progress as plain lines, and add the exception chain to a failure") { Aliases = ["-v"], FileKeys = [new("verbose", f => f.Verbose)] };
    public static readonly BuildOption Quiet = new("--quiet", Switch, "Print only the image reference") { Aliases = ["-q"], FileKeys = [new("quiet", f => f.Quiet)] };

    /// <summary>The options of <c>tko build</c> in <c>--help</c>'s order (SOURCE, the argument, is apart).</summary>
    public static readonly ImmutableArray<BuildOption> Options =
    [
        BaseRef, TargetType, TargetRepo, Output, Tags, DestPath, DestChown, KeepModes, Chmod, Entrypoint, Platforms, Author, DefaultAnnotations, Annotations,
        AutoVersionAnnotation, Env, RunAs,
        Labels, Cmd, Expose, Workdir, Strict,
        Sbom, SbomDir,
        Jobs, Compression, CompressionLevel, ChunkSize, RegistryUser, RegistryPass, InsecureRegistries, UploadChunkSize,
        RegistryTimeout, Tmp, ImageRefs,
        MetadataFile, AlsoOutput,
        Config, Verbose, Quiet,
    ];

    /// <summary>SOURCE and every option.</summary>
    public static readonly ImmutableArray<BuildOption> All = [Source, .. Options];

    /// <summary>The row of each key of <c>build:</c>.</summary>
    public static readonly ImmutableDictionary<string, BuildOption> FileKeyRows =
        All.SelectMany(o => o.FileKeys.Select(k => KeyValuePair.Create(k.Key, o))).ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The kind of each key of <c>build:</c>, from the rows.</summary>
    public static readonly ImmutableDictionary<string, SettingKind> FileKeyKinds =
        FileKeyRows.ToImmutableDictionary(p => p.Key, p => p.Value.Kind, StringComparer.Ordinal);

    private static string Invariant(int number) => number.ToString(CultureInfo.InvariantCulture);
}
