using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Tko.Errors;
using Tko.Model;

namespace Tko.Cli;

/// <summary>
/// Resolves every build setting as flag, then environment variable, then default, and maps the
/// result onto one <see cref="BuildSpec"/>. Pure: the environment is passed in.
/// </summary>
internal static class BuildSettings
{
    public const string DefaultBaseRef = "ubuntu:jammy";

    /// <summary>A resolved value, where it came from (the flag or variable a message should name) and its flag.</summary>
    private readonly record struct Setting(string? Value, string Source, string Flag);

    public static BuildSpec Resolve(ParseResult parsed, BuildCommandLine cli, Func<string, string?> environment)
    {
        string? Variable(string name) => environment(name) is { Length: > 0 } value ? value : null;

        Setting Resolve(Option<string?> option, params string[] variables)
        {
            if (parsed.GetValue(option) is { } flag) return new(flag, option.Name, option.Name);
            foreach (string variable in variables)
                if (Variable(variable) is { } value) return new(value, variable, option.Name);
            return new(null, option.Name, option.Name);
        }

        string? source = parsed.GetValue(cli.Source) ?? Variable("TKO_SOURCE_PATH");
        if (source is null)
            throw new OptionException("SOURCE", "give the directory of build artifacts as an argument or in TKO_SOURCE_PATH");

        Setting targetType = Resolve(cli.TargetType, "TKO_TARGET_TYPE");
        Setting output = Resolve(cli.Output, "TKO_OUTPUT");
        Target target = (targetType.Value ?? TargetType.Remote).ToUpperInvariant() switch
        {
            TargetType.LocalFile => Target.DockerTarball(output.Value ?? "out.tar"),
            TargetType.OciLayout => Target.OciLayout(output.Value ?? "out-oci"),
            TargetType.Remote => throw new OptionException(targetType.Source, "REMOTE: pushing to registries is not supported yet; use LOCAL_FILE or OCI_LAYOUT"),
            TargetType.LocalDaemon => throw new OptionException(targetType.Source, "LOCAL_DAEMON: loading into a Docker daemon is not supported yet; use LOCAL_FILE and docker load"),
            var other => throw new OptionException(targetType.Source, $"'{other}' is not one of {string.Join(", ", TargetType.All)}"),
        };

        BuildSpec spec = BuildSpec.FromDirectory(source, SourceDateEpoch.Parse(Variable("SOURCE_DATE_EPOCH")));
        string[] tags = parsed.GetValue(cli.Tags) ?? [];
        Setting entrypoint = Resolve(cli.Entrypoint, "TKO_ENTRYPOINT");
        Setting jobs = Resolve(cli.Jobs, "TKO_JOBS");
        Setting level = Resolve(cli.CompressionLevel, "TKO_COMPRESSION_LEVEL");
        Setting chunkSize = Resolve(cli.ChunkSize, "TKO_CHUNK_SIZE");
        return spec
            .WithBaseRef(Resolve(cli.BaseRef, "TKO_BASE_REF", "TKO_BASE_IMAGE").Value ?? DefaultBaseRef)
            .WithTarget(target)
            .WithRepository(Resolve(cli.TargetRepo, "TKO_TARGET_REPO").Value ?? spec.Repository)
            .WithTags(tags.Length == 0 ? spec.Tags : [.. tags])
            .WithDestPath(Resolve(cli.DestPath, "TKO_DEST_PATH").Value ?? spec.DestPath)
            .WithEntrypoint(entrypoint.Value is { } path ? [path] : spec.Entrypoint)
            .WithPlatforms(ParsePlatforms(Resolve(cli.Platforms, "TKO_PLATFORMS")) ?? spec.Platforms)
            .WithLayer(Validated(spec.Layer
                .WithWorkers(ParseInt(jobs) ?? spec.Layer.Workers)
                .WithCompressionLevel(ParseInt(level) ?? spec.Layer.CompressionLevel)
                .WithChunkSize(ParseInt(chunkSize) ?? spec.Layer.ChunkSize), jobs, level, chunkSize));
    }

    /// <summary>Checks the layer options, naming the environment variable instead of the flag when that is where a bad value came from.</summary>
    private static Pipeline.LayerOptions Validated(Pipeline.LayerOptions options, params Setting[] settings)
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

    private static ImmutableList<Platform>? ParsePlatforms(Setting setting)
    {
        if (setting.Value is null) return null;
        try
        {
            return [.. setting.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Platform.Parse)];
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
}
