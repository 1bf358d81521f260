using System.CommandLine;

namespace Tko.Cli;

/// <summary>
/// The options of <c>tko build</c>. Each is nullable: an absent flag falls back to its environment
/// variable, then to <c>.tko.yml</c>, then to its default in <see cref="BuildSettings"/>, so the
/// sources resolve in one place. Names, short forms and variables are the original tko's.
/// </summary>
internal sealed class BuildCommandLine
{
    public Argument<string?> Source { get; } = new("SOURCE")
    {
        Description = "Directory of build artifacts to add as a layer [env: TKO_SOURCE_PATH]",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> BaseRef { get; } = new("--base-ref", "-b") { Description = $"Base image: a registry reference, oci:PATH[:TAG] or scratch [env: TKO_BASE_REF, TKO_BASE_IMAGE] [default: {BuildSettings.DefaultBaseRef}]" };
    public Option<string?> TargetType { get; } = new("--target-type", "-T") { Description = "REMOTE (push to --target-repo), LOCAL_DAEMON, LOCAL_FILE (docker tarball) or OCI_LAYOUT [env: TKO_TARGET_TYPE] [default: REMOTE]" };
    public Option<string?> TargetRepo { get; } = new("--target-repo", "-t") { Description = "Repository to push to (REMOTE), or the image name in the printed reference and tags [env: TKO_TARGET_REPO] [default: tko.local/<source dir>]" };
    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Output path [env: TKO_OUTPUT] [default: out.tar for LOCAL_FILE, out-oci for OCI_LAYOUT]" };
    public Option<string[]> Tags { get; } = new("--tag") { Description = "Tag to record with the image, repeatable [default: latest]", AllowMultipleArgumentsPerToken = false };
    public Option<string?> DestPath { get; } = new("--dest-path", "-d", "--destination-path") { Description = "Absolute directory in the image that receives SOURCE; also the image's working directory [env: TKO_DEST_PATH] [default: /tko-app]" };
    public Option<bool> DestChown { get; } = new("--dest-chown", "--destination-chown") { Description = "Own every entry as root:root; false keeps each file's uid and gid from the source tree [default: true]", DefaultValueFactory = _ => true };
    public Option<string?> Entrypoint { get; } = new("--entrypoint") { Description = "Entrypoint of the image [env: TKO_ENTRYPOINT] [default: /tko-app/app]" };
    public Option<string?> Platforms { get; } = new("--platforms", "-p") { Description = "Platforms as os/arch[/variant], comma-separated [env: TKO_PLATFORMS, TKO_PLATFORM] [default: linux/amd64]" };
    public Option<string?> Author { get; } = new("--author") { Description = "The image config's author; without it the base's is kept [env: TKO_AUTHOR]" };
    public Option<string[]> DefaultAnnotations { get; } = new("--default-annotations", "-A") { Description = "Manifest annotations as KEY=VALUE[,KEY=VALUE…], repeatable [env: TKO_DEFAULT_ANNOTATIONS]" };
    public Option<string[]> Annotations { get; } = new("--annotations", "-a") { Description = "Manifest annotations as KEY=VALUE[,KEY=VALUE…] over --default-annotations, repeatable [env: TKO_ANNOTATIONS]" };
    public Option<string?> AutoVersionAnnotation { get; } = new("--auto-version-annotation") { Description = "git: annotate the image's revision and version from the git checkout of SOURCE; none: do not [env: TKO_AUTO_VERSION_ANNOTATION] [default: none]" };
    public Option<string[]> Env { get; } = new("--env", "-e") { Description = "Environment variables as KEY=VALUE[,KEY=VALUE…] set over the base's, repeatable [env: TKO_ENV_VARS]" };
    public Option<string?> RunAs { get; } = new("--run-as") { Description = "User (and group) the entrypoint runs as, e.g. 65532 or app:app; without it the base's [env: TKO_RUN_AS]" };
    public Option<string?> Tmp { get; } = new("--tmp") { Description = "Existing directory for temporary files (the spool of a registry upload) [env: TKO_TMP] [default: system temporary directory]" };
    public Option<string?> ImageRefs { get; } = new("--image-refs") { Description = "File to write the resulting image reference to, as ko does" };
    public Option<string?> Config { get; } = new("--config") { Description = "Settings file to read instead of ./.tko.yml or ./.tko.yaml; it must exist" };
    public Option<string?> Jobs { get; } = new("--jobs", "-j") { Description = "Compression workers [env: TKO_JOBS] [default: processor count]" };
    public Option<string?> CompressionLevel { get; } = new("--compression-level") { Description = $"gzip level 0-9 [env: TKO_COMPRESSION_LEVEL] [default: {LayerOptions.DefaultCompressionLevel}]" };
    public Option<string?> ChunkSize { get; } = new("--chunk-size") { Description = $"Bytes of tar each worker compresses at a time, 65536 to 268435456; part of what fixes the layer's bytes [env: TKO_CHUNK_SIZE] [default: {LayerOptions.DefaultChunkSize}]" };
    public Option<string?> RegistryUser { get; } = new("--registry-user") { Description = "User name for the target registry [env: TKO_REGISTRY_USER]" };
    public Option<string?> RegistryPass { get; } = new("--registry-pass") { Description = "Password or token for the target registry [env: TKO_REGISTRY_PASS]" };
    public Option<string[]> InsecureRegistries { get; } = new("--insecure-registry") { Description = "Registry HOST[:PORT] reached over plain HTTP or with an unverified certificate, repeatable [env: TKO_INSECURE_REGISTRIES]" };
    public Option<string?> UploadChunkSize { get; } = new("--upload-chunk-size") { Description = $"Bytes per upload request (PATCH), at least 5 MiB [env: TKO_UPLOAD_CHUNK_SIZE] [default: {RegistryClientOptions.Default.UploadChunkSize}]" };
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Explain failures in detail" };
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only the image reference" };

    public Command Command { get; }

    public BuildCommandLine()
    {
        Command = new Command("build", "Build an image from a base and a directory of artifacts; prints NAME@sha256:… on stdout")
        {
            Source, BaseRef, TargetType, TargetRepo, Output, Tags, DestPath, DestChown, Entrypoint, Platforms, Author, DefaultAnnotations, Annotations,
            AutoVersionAnnotation, Env, RunAs, Jobs, CompressionLevel, ChunkSize, RegistryUser, RegistryPass, InsecureRegistries, UploadChunkSize,
            Tmp, ImageRefs, Config, Verbose, Quiet,
        };
    }
}
