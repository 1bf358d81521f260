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

    /// <summary>The properties a config error names.</summary>
    public const string ExposedPortsProperty = $"{nameof(ImageMetadata)}.{nameof(ImageMetadata.ExposedPorts)}";
    public const string WorkingDirProperty = $"{nameof(ImageMetadata)}.{nameof(ImageMetadata.WorkingDir)}";
    public const string EntrypointProperty = $"{nameof(BuildSpec)}.{nameof(BuildSpec.Entrypoint)}";

    /// <summary><paramref name="spec"/> once what needs no platform is checked: what can be refused before the base is read for <see cref="BuildSpec.PlatformsFromBase"/>.</summary>
    public static BuildSpec Checked(BuildSpec spec)
    {
        spec.Layer.Validated();
        DestinationPath.Segments(spec.DestPath);
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
        return new BuildPlan([.. spec.Platforms.Select(spec.ForPlatform)]);
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
