using YamlDotNet.Serialization;

namespace Tko.Cli.ConfigFile;

/// <summary>
/// The <c>build:</c> section of <c>.tko.yml</c>: every option of <c>tko build</c> under its long
/// name (both <c>dest-path</c> and the original's <c>destination-path</c>), typed so that a value
/// of the wrong kind is refused where it stands; the Go tko's forms are read too (platforms as a
/// list or a comma text, maps as maps or <c>K=V,K=V</c> text). Mutable only because the YAML reader fills it.
/// </summary>
[YamlSerializable]
public sealed class BuildSection
{
    /// <summary>The SOURCE directory.</summary>
    [YamlMember(Alias = "source")] public string? Source { get; set; }
    /// <summary>--base-ref.</summary>
    [YamlMember(Alias = "base-ref")] public string? BaseRef { get; set; }
    /// <summary>--platforms, comma-separated or a list.</summary>
#pragma warning disable YDNG001 // read by its type converter (TkoConfigReader), never by the static context
    [YamlMember(Alias = "platforms")] public TextOrList? Platforms { get; set; }
#pragma warning restore YDNG001
    /// <summary>--platform, the Go tko's deprecated name of --platforms.</summary>
#pragma warning disable YDNG001 // read by its type converter (TkoConfigReader), never by the static context
    [YamlMember(Alias = "platform")] public TextOrList? Platform { get; set; }
#pragma warning restore YDNG001
    /// <summary>--target-type.</summary>
    [YamlMember(Alias = "target-type")] public string? TargetType { get; set; }
    /// <summary>--target-repo.</summary>
    [YamlMember(Alias = "target-repo")] public string? TargetRepo { get; set; }
    /// <summary>--output.</summary>
    [YamlMember(Alias = "output")] public string? Output { get; set; }
    /// <summary>--tag, a list.</summary>
    [YamlMember(Alias = "tag")] public List<string>? Tag { get; set; }
    /// <summary>--dest-path.</summary>
    [YamlMember(Alias = "dest-path")] public string? DestPath { get; set; }
    /// <summary>--destination-path, the original's name of --dest-path.</summary>
    [YamlMember(Alias = "destination-path")] public string? DestinationPath { get; set; }
    /// <summary>--dest-chown.</summary>
    [YamlMember(Alias = "dest-chown")] public bool? DestChown { get; set; }
    /// <summary>--destination-chown, the original's name of --dest-chown.</summary>
    [YamlMember(Alias = "destination-chown")] public bool? DestinationChown { get; set; }
    /// <summary>--keep-modes.</summary>
    [YamlMember(Alias = "keep-modes")] public bool? KeepModes { get; set; }
    /// <summary>--chmod, a list of MODE=GLOB[,GLOB…].</summary>
    [YamlMember(Alias = "chmod")] public List<string>? Chmod { get; set; }
    /// <summary>--entrypoint.</summary>
    [YamlMember(Alias = "entrypoint")] public string? Entrypoint { get; set; }
    /// <summary>--author.</summary>
    [YamlMember(Alias = "author")] public string? Author { get; set; }
    /// <summary>--default-annotations, a map or K=V,K=V text.</summary>
#pragma warning disable YDNG001 // read by its type converter (TkoConfigReader), never by the static context
    [YamlMember(Alias = "default-annotations")] public MapOrText? DefaultAnnotations { get; set; }
#pragma warning restore YDNG001
    /// <summary>--annotations, a map or K=V,K=V text.</summary>
#pragma warning disable YDNG001 // read by its type converter (TkoConfigReader), never by the static context
    [YamlMember(Alias = "annotations")] public MapOrText? Annotations { get; set; }
#pragma warning restore YDNG001
    /// <summary>--auto-version-annotation.</summary>
    [YamlMember(Alias = "auto-version-annotation")] public string? AutoVersionAnnotation { get; set; }
    /// <summary>--env, a map or K=V,K=V text.</summary>
#pragma warning disable YDNG001 // read by its type converter (TkoConfigReader), never by the static context
    [YamlMember(Alias = "env")] public MapOrText? Env { get; set; }
#pragma warning restore YDNG001
    /// <summary>--run-as.</summary>
    [YamlMember(Alias = "run-as")] public string? RunAs { get; set; }
    /// <summary>--label, a map or K=V,K=V text.</summary>
#pragma warning disable YDNG001 // read by its type converter (TkoConfigReader), never by the static context
    [YamlMember(Alias = "labels")] public MapOrText? Labels { get; set; }
#pragma warning restore YDNG001
    /// <summary>--cmd, a list.</summary>
    [YamlMember(Alias = "cmd")] public List<string>? Cmd { get; set; }
    /// <summary>--expose, a list.</summary>
    [YamlMember(Alias = "expose")] public List<string>? Expose { get; set; }
    /// <summary>--workdir.</summary>
    [YamlMember(Alias = "workdir")] public string? Workdir { get; set; }
    /// <summary>--strict.</summary>
    [YamlMember(Alias = "strict")] public bool? Strict { get; set; }
    /// <summary>--registry-user.</summary>
    [YamlMember(Alias = "registry-user")] public string? RegistryUser { get; set; }
    /// <summary>--registry-pass.</summary>
    [YamlMember(Alias = "registry-pass")] public string? RegistryPass { get; set; }
    /// <summary>--insecure-registry, a list.</summary>
    [YamlMember(Alias = "insecure-registry")] public List<string>? InsecureRegistry { get; set; }
    /// <summary>--upload-chunk-size.</summary>
    [YamlMember(Alias = "upload-chunk-size")] public int? UploadChunkSize { get; set; }
    /// <summary>--registry-timeout, in seconds.</summary>
    [YamlMember(Alias = "registry-timeout")] public int? RegistryTimeout { get; set; }
    /// <summary>--jobs.</summary>
    [YamlMember(Alias = "jobs")] public int? Jobs { get; set; }
    /// <summary>--compression: gzip or zstd.</summary>
    [YamlMember(Alias = "compression")] public string? Compression { get; set; }
    /// <summary>--compression-level.</summary>
    [YamlMember(Alias = "compression-level")] public int? CompressionLevel { get; set; }
    /// <summary>--chunk-size.</summary>
    [YamlMember(Alias = "chunk-size")] public int? ChunkSize { get; set; }
    /// <summary>--tmp.</summary>
    [YamlMember(Alias = "tmp")] public string? Tmp { get; set; }
    /// <summary>--sbom.</summary>
    [YamlMember(Alias = "sbom")] public string? Sbom { get; set; }
    /// <summary>--sbom-dir.</summary>
    [YamlMember(Alias = "sbom-dir")] public string? SbomDir { get; set; }
    /// <summary>--image-refs.</summary>
    [YamlMember(Alias = "image-refs")] public string? ImageRefs { get; set; }
    /// <summary>--metadata-file.</summary>
    [YamlMember(Alias = "metadata-file")] public string? MetadataFile { get; set; }
    /// <summary>--also-output, a list.</summary>
    [YamlMember(Alias = "also-output")] public List<string>? AlsoOutput { get; set; }
    /// <summary>--verbose.</summary>
    [YamlMember(Alias = "verbose")] public bool? Verbose { get; set; }
    /// <summary>--quiet.</summary>
    [YamlMember(Alias = "quiet")] public bool? Quiet { get; set; }
    /// <summary>Settings for single platforms, keyed by <c>os/arch[/variant]</c>.</summary>
    [YamlMember(Alias = "platform-overrides")] public Dictionary<string, PlatformSection>? PlatformOverrides { get; set; }
}
