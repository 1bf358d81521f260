using System.Collections.Immutable;

namespace Tko;

/// <summary>
/// Everything a build needs to know. Start from <see cref="FromDirectory(string)"/>, which reads nothing,
/// or <see cref="FromEnvironment(string)"/>, which reads the variables the CLI reads, and change fields
/// with the <c>With…</c> methods; every field has a sensible default.
/// </summary>
/// <param name="SourceDirectory">The directory of build artifacts that becomes the new layer; with several platforms, it holds one <c>os/arch[/variant]</c> directory per platform.</param>
/// <param name="BaseRef">The base image: <c>scratch</c>, a registry reference (<c>busybox:1.36</c>), or <c>oci:PATH[:TAG]</c> for an OCI layout.</param>
/// <param name="Platforms">The platforms to build; several give an image index listing them in this order.</param>
/// <param name="DestPath">The absolute directory in the image that receives the source.</param>
/// <param name="Entrypoint">The image's entrypoint argv.</param>
/// <param name="Target">Where the image goes.</param>
/// <param name="Repository">The image's name in the printed reference and in tags, e.g. <c>tko.local/app</c>.</param>
/// <param name="Tags">Tags published besides the target reference's own (pushed, or recorded as docker tarball RepoTags and OCI layout ref names); <c>latest</c> when neither names one (<see cref="PublishedTags.For"/>).</param>
/// <param name="Layer">How the layer is compressed, and its entries' mtime.</param>
/// <param name="Uid">Owner user id of every entry; <see cref="LayerPlanner.SourceOwner"/> keeps each file's own.</param>
/// <param name="Gid">Owner group id of every entry; <see cref="LayerPlanner.SourceOwner"/> keeps each file's own.</param>
/// <param name="Registry">How registries are reached: credentials, trust, insecure hosts, upload chunk size.</param>
/// <param name="Metadata">Env, user, working directory, author and annotations set on the image.</param>
/// <param name="Overrides">Per-platform settings of a multi-platform build.</param>
[GenerateWith]
public sealed partial record BuildSpec(
    string SourceDirectory,
    string BaseRef,
    ImmutableList<Platform> Platforms,
    string DestPath,
    ImmutableList<string> Entrypoint,
    Target Target,
    string Repository,
    ImmutableList<string> Tags,
    LayerOptions Layer,
    int Uid,
    int Gid,
    RegistryClientOptions Registry,
    ImageMetadata Metadata,
    ImmutableList<PlatformOverride> Overrides)
{
    /// <summary>
    /// The layer entries' permission bits: normalised by default, so the digest does not depend on the
    /// builder's umask (<see cref="FileModes"/>).
    /// </summary>
    public FileModes Modes { get; init; } = FileModes.Normalised;

    /// <summary>
    /// More outputs of the same image, each an OCI layout (<see cref="Target.OciLayout"/>) or a docker
    /// tarball (<see cref="Target.DockerTarball"/>): written from the same build (the new layer's
    /// compressed bytes are written to each as they are made, never compressed again) and made
    /// visible after <see cref="Target"/>. A layout holds the same manifest, so the same digest.
    /// </summary>
    public ImmutableList<Target> AlsoOutputs { get; init; } = [];

    /// <summary>
    /// The SBOM made of each platform's image (<see cref="BuildResult.Sboms"/>), attached to it as an
    /// OCI 1.1 referrer in a registry or OCI layout; none by default (the CLI's default is SPDX).
    /// It never changes the image's own bytes.
    /// </summary>
    public SbomFormat Sbom { get; init; } = SbomFormat.None;

    /// <summary>
    /// When true, what would be a <see cref="BuildWarning"/> fails the build instead, before anything is
    /// written: an <see cref="OptionException"/> naming the same property (today: an entrypoint whose
    /// executable is in neither the new layer nor the base).
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>
    /// When true, <see cref="Platforms"/> is replaced, once the base is read, by every platform the base's
    /// index lists that <see cref="SourceDirectory"/> has an <c>os/arch[/variant]</c> directory for
    /// (<c>--platforms all</c>); each platform's artifacts are read from that directory even if only one is found.
    /// </summary>
    public bool PlatformsFromBase { get; init; }

    /// <summary>The base that has no layers.</summary>
    public const string Scratch = "scratch";

    /// <summary>
    /// A spec for <paramref name="sourceDirectory"/> with tko's defaults, reading nothing from the
    /// environment: base <c>scratch</c>, linux/amd64, <c>/tko-app</c>, entrypoint <c>/tko-app/app</c>,
    /// an OCI layout in <c>out-oci</c>, owner root, entry mtime and <c>created</c> time 0 (the epoch),
    /// and anonymous registry access (<see cref="RegistryClientOptions.Default"/>).
    /// </summary>
    public static BuildSpec FromDirectory(string sourceDirectory) => FromDirectory(sourceDirectory, 0);

    /// <summary>As <see cref="FromDirectory(string)"/>, with the entry mtime and <c>created</c> time given in seconds since the epoch.</summary>
    public static BuildSpec FromDirectory(string sourceDirectory, long sourceDateEpoch) => new(
        sourceDirectory,
        Scratch,
        [Platform.LinuxAmd64],
        "/tko-app",
        ["/tko-app/app"],
        Target.OciLayout("out-oci"),
        DefaultRepository(sourceDirectory),
        [],
        LayerOptions.Default.WithModificationTime(sourceDateEpoch),
        0,
        0,
        RegistryClientOptions.Default,
        ImageMetadata.Empty,
        []);

    /// <summary>
    /// As <see cref="FromDirectory(string)"/>, plus what the CLI reads from the environment: the entry
    /// mtime and <c>created</c> time from <c>SOURCE_DATE_EPOCH</c> (else 0), and registry access as
    /// Docker users expect (<see cref="RegistryClientOptions.FromEnvironment"/>: docker
    /// config, credential helpers, <c>GITHUB_TOKEN</c>, <c>SSL_CERT_FILE</c>).
    /// </summary>
    public static BuildSpec FromEnvironment(string sourceDirectory) =>
        FromDirectory(sourceDirectory, SourceDateEpoch.FromEnvironment())
            .WithRegistry(RegistryClientOptions.FromEnvironment());

    /// <summary><c>tko.local/</c> and the source directory's name in lowercase, as a fallback image name.</summary>
    public static string DefaultRepository(string sourceDirectory)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceDirectory))).ToLowerInvariant();
        string cleaned = new string(name.Select(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '-').ToArray()).Trim('-');
        return "tko.local/" + (cleaned.Length == 0 ? "app" : cleaned);
    }
}
