using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Tko.Errors;
using Tko.Model;

namespace Tko.Cli;

/// <summary>
/// Resolves every build setting as flag, then environment variable, then default, and maps the
/// result onto one <see cref="BuildSpec"/>. Pure apart from reading the given environment.
/// </summary>
internal static class BuildSettings
{
    public const string DefaultBaseRef = "ubuntu:jammy";

    public static BuildSpec Resolve(ParseResult parsed, BuildCommandLine cli, Func<string, string?> environment)
    {
        string? Setting(Option<string?> option, params string[] variables) =>
            parsed.GetValue(option) ?? variables.Select(environment).FirstOrDefault(v => !string.IsNullOrEmpty(v));

        string source = parsed.GetValue(cli.Source) ?? environment("TKO_SOURCE_PATH")
            ?? throw new OptionException("SOURCE", "give the directory of build artifacts as an argument or in TKO_SOURCE_PATH");
        string targetType = (Setting(cli.TargetType, "TKO_TARGET_TYPE") ?? TargetType.Remote).ToUpperInvariant();
        Target target = targetType switch
        {
            TargetType.LocalFile => Target.DockerTarball(Setting(cli.Output, "TKO_OUTPUT") ?? "out.tar"),
            TargetType.OciLayout => Target.OciLayout(Setting(cli.Output, "TKO_OUTPUT") ?? "out-oci"),
            TargetType.Remote => throw new OptionException("--target-type", "REMOTE: pushing to registries is not supported yet; use --target-type LOCAL_FILE or OCI_LAYOUT"),
            TargetType.LocalDaemon => throw new OptionException("--target-type", "LOCAL_DAEMON: loading into a Docker daemon is not supported yet; use --target-type LOCAL_FILE and docker load"),
            _ => throw new OptionException("--target-type", $"'{targetType}' is not one of {string.Join(", ", TargetType.All)}"),
        };

        BuildSpec spec = BuildSpec.FromDirectory(source);
        long epoch = SourceDateEpoch.Parse(environment("SOURCE_DATE_EPOCH"));
        string[] tags = parsed.GetValue(cli.Tags) ?? [];
        return spec
            .WithBaseRef(Setting(cli.BaseRef, "TKO_BASE_REF", "TKO_BASE_IMAGE") ?? DefaultBaseRef)
            .WithTarget(target)
            .WithRepository(Setting(cli.TargetRepo, "TKO_TARGET_REPO") ?? spec.Repository)
            .WithTags(tags.Length == 0 ? spec.Tags : [.. tags])
            .WithDestPath(Setting(cli.DestPath, "TKO_DEST_PATH") ?? spec.DestPath)
            .WithEntrypoint(Setting(cli.Entrypoint, "TKO_ENTRYPOINT") is { } entrypoint ? [entrypoint] : spec.Entrypoint)
            .WithPlatforms(ParsePlatforms(Setting(cli.Platforms, "TKO_PLATFORMS")) ?? spec.Platforms)
            .WithLayer(spec.Layer
                .WithWorkers(ParseInt("--jobs", Setting(cli.Jobs, "TKO_JOBS")) ?? spec.Layer.Workers)
                .WithCompressionLevel(ParseInt("--compression-level", Setting(cli.CompressionLevel, "TKO_COMPRESSION_LEVEL")) ?? spec.Layer.CompressionLevel)
                .WithModificationTime(epoch)
                .Validated());
    }

    private static ImmutableList<Platform>? ParsePlatforms(string? value)
    {
        if (value is null) return null;
        try
        {
            return [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Platform.Parse)];
        }
        catch (FormatException e)
        {
            throw new OptionException("--platforms", e.Message);
        }
    }

    private static int? ParseInt(string option, string? value)
    {
        if (value is null) return null;
        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new OptionException(option, $"'{value}' is not a whole number");
    }
}
