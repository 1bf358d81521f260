using System.Collections.Immutable;

namespace Tko.Building;

/// <summary>
/// The checked shape of a build before anything is read or written: the layer options, the
/// destination path, the platforms (none twice) and each platform's effective spec, in the order
/// the platforms were given. Pure.
/// </summary>
/// <param name="Platforms">One single-platform spec per platform (<see cref="BuildSpec.ForPlatform"/>).</param>
internal sealed record BuildPlan(ImmutableList<BuildSpec> Platforms)
{
    /// <summary>True when the build makes an image index rather than one manifest.</summary>
    public bool IsIndex => Platforms.Count > 1;

    /// <summary>The property a platform error names.</summary>
    public const string PlatformsProperty = $"{nameof(BuildSpec)}.{nameof(BuildSpec.Platforms)}";

    /// <summary>The property an extra output's error names.</summary>
    public const string AlsoOutputsProperty = $"{nameof(BuildSpec)}.{nameof(BuildSpec.AlsoOutputs)}";

    /// <summary>The property a compression error names.</summary>
    public const string CompressionProperty = $"{nameof(LayerOptions)}.{nameof(LayerOptions.Compression)}";

    /// <summary>The property an SBOM error names.</summary>
    public const string SbomProperty = $"{nameof(BuildSpec)}.{nameof(BuildSpec.Sbom)}";

    /// <summary>The properties a config error names.</summary>
    public const string ExposedPortsProperty = $"{nameof(ImageMetadata)}.{nameof(ImageMetadata.ExposedPorts)}";
    public const string WorkingDirProperty = $"{nameof(ImageMetadata)}.{nameof(ImageMetadata.WorkingDir)}";
    public const string EntrypointProperty = $"{nameof(BuildSpec)}.{nameof(BuildSpec.Entrypoint)}";

    /// <summary><paramref name="spec"/> once what needs no platform is checked: what can be refused before the base is read for <see cref="BuildSpec.PlatformsFromBase"/>.</summary>
    public static BuildSpec Checked(BuildSpec spec)
    {
        spec.Layer.Validated();
        // Docker's tarball and load API are only known to take gzip layers; untested, so refused up front.
        if (spec.Layer.Compression == LayerCompression.Zstd && spec.Target.Kind is TargetKind.DockerTarball or TargetKind.DockerDaemon)
            throw new OptionException(CompressionProperty, $"zstd layers go to a registry (REMOTE) or an OCI layout (OCI_LAYOUT); a docker tarball or daemon load ({(spec.Target.Kind == TargetKind.DockerTarball ? "LOCAL_FILE" : "LOCAL_DAEMON")}) takes gzip, so use gzip there");
        DestinationPath.Segments(spec.DestPath);
        if (spec.Sbom == SbomFormat.CycloneDx)
            throw new OptionException(SbomProperty, "CycloneDX SBOMs are not made yet; use spdx or none");
        CheckConfig(spec);
        return spec;
    }

    public static BuildPlan Create(BuildSpec spec)
    {
        Checked(spec);
        if (spec.Platforms.IsEmpty)
            throw new OptionException(PlatformsProperty, "no platform given; name at least one, such as linux/amd64");
        for (int i = 0; i < spec.Platforms.Count; i++)
            for (int j = 0; j < i; j++)
                if (PlatformMatching.Matches(spec.Platforms[j], spec.Platforms[i]))
                    throw new OptionException(PlatformsProperty, $"{spec.Platforms[i]} is the same platform as {spec.Platforms[j]}; name each platform once");
        if (spec.Platforms.Count > 1 && spec.Target.Kind == TargetKind.DockerTarball)
            throw new OptionException(PlatformsProperty, $"'{string.Join(',', spec.Platforms)}': a docker tarball (LOCAL_FILE) holds one platform's image, as docker load gives each tag one image; build one platform per tarball, or use OCI_LAYOUT or REMOTE for a multi-platform index");
        if (spec.Platforms.Count > 1 && spec.Target.Kind == TargetKind.DockerDaemon)
            throw new OptionException(PlatformsProperty, $"'{string.Join(',', spec.Platforms)}': a daemon (LOCAL_DAEMON) loads one platform's image per tag; build the platform it runs, or use OCI_LAYOUT or REMOTE for a multi-platform index");
        CheckAlsoOutputs(spec);
        return new BuildPlan([.. spec.Platforms.Select(spec.ForPlatform)]);
    }

    /// <summary>Each extra output a layout or a tarball, at a path of its own; a tarball only for one platform.</summary>
    private static void CheckAlsoOutputs(BuildSpec spec)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (spec.Target.Path is { } main) paths.Add(Path.GetFullPath(Path.TrimEndingDirectorySeparator(main)));
        foreach (Target extra in spec.AlsoOutputs)
        {
            if (extra.Kind is not (TargetKind.OciLayout or TargetKind.DockerTarball) || string.IsNullOrWhiteSpace(extra.Path))
                throw new OptionException(AlsoOutputsProperty, $"{extra.Kind}: an extra output is an OCI layout or a docker tarball at a path");
            if (!paths.Add(Path.GetFullPath(Path.TrimEndingDirectorySeparator(extra.Path))))
                throw new OptionException(AlsoOutputsProperty, $"{extra.Path}: given as two outputs; give each output its own path");
            if (spec.Platforms.Count > 1 && extra.Kind == TargetKind.DockerTarball)
                throw new OptionException(AlsoOutputsProperty, $"{extra.Path}: a docker tarball holds one platform's image, and this build makes {spec.Platforms.Count}; write an OCI layout instead");
        }
    }

    /// <summary>The config settings a runtime would refuse or misread, refused before anything is read.</summary>
    private static void CheckConfig(BuildSpec spec)
    {
        foreach (string port in spec.Metadata.ExposedPorts)
        {
            try
            {
                ExposedPort.Normalize(port);
            }
            catch (FormatException e)
            {
                throw new OptionException(ExposedPortsProperty, e.Message);
            }
        }
        if (spec.Metadata.WorkingDir is { } workingDir && !workingDir.StartsWith('/'))
            throw new OptionException(WorkingDirProperty, $"'{workingDir}' is not absolute; give the working directory as /PATH");
        if (spec.Entrypoint.Count > 0 && spec.Entrypoint[0].Length == 0)
            throw new OptionException(EntrypointProperty, "the executable (the first element) is empty; give a path such as /tko-app/app");
    }
}
