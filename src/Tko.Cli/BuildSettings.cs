using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Tko.Errors;
using Tko.Model;
using Tko.Registry;

namespace Tko.Cli;

/// <summary>
/// Resolves every build setting as flag, then environment variable, then default, and maps the
/// result onto one <see cref="BuildSpec"/>. tko's own variables are read through the given
/// <c>environment</c>; the registry defaults (docker config, <c>SSL_CERT_*</c>, <c>GITHUB_TOKEN</c>)
/// come from the process environment, as for any library user.
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
        Setting targetRepo = Resolve(cli.TargetRepo, "TKO_TARGET_REPO");
        ImageReference? pushTo = null;
        Target target = (targetType.Value ?? TargetType.Remote).ToUpperInvariant() switch
        {
            TargetType.Remote => Target.Registry((pushTo = PushTarget(targetRepo)).ToString()),
            TargetType.LocalFile => Target.DockerTarball(output.Value ?? "out.tar"),
            TargetType.OciLayout => Target.OciLayout(output.Value ?? "out-oci"),
            TargetType.LocalDaemon => Target.DockerDaemon((pushTo = PushTarget(targetRepo with { Value = targetRepo.Value ?? BuildSpec.DefaultRepository(source) })).ToString()),
            var other => throw new OptionException(targetType.Source, $"'{other}' is not one of {string.Join(", ", TargetType.All)}"),
        };

        BuildSpec spec = BuildSpec.FromDirectory(source, SourceDateEpoch.Parse(Variable("SOURCE_DATE_EPOCH")));
        string[] tags = parsed.GetValue(cli.Tags) ?? [];
        // A tag in --target-repo is the image's tag; "latest" is only the fallback when none is given.
        ImmutableList<string> resolvedTags = tags.Length > 0 ? [.. tags] : pushTo?.Tag is not null ? [] : spec.Tags;
        Setting entrypoint = Resolve(cli.Entrypoint, "TKO_ENTRYPOINT");
        Setting jobs = Resolve(cli.Jobs, "TKO_JOBS");
        Setting level = Resolve(cli.CompressionLevel, "TKO_COMPRESSION_LEVEL");
        Setting chunkSize = Resolve(cli.ChunkSize, "TKO_CHUNK_SIZE");
        return spec
            .WithBaseRef(Resolve(cli.BaseRef, "TKO_BASE_REF", "TKO_BASE_IMAGE").Value ?? DefaultBaseRef)
            .WithTarget(target)
            .WithRepository(pushTo?.Name ?? targetRepo.Value ?? spec.Repository)
            .WithTags(resolvedTags)
            .WithRegistry(RegistryOptions(parsed, cli, spec.Registry, pushTo, Resolve, Variable))
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

    private static ImageReference PushTarget(Setting targetRepo)
    {
        if (targetRepo.Value is null)
            throw new OptionException(targetRepo.Source, "REMOTE needs the repository to push to, e.g. --target-repo ghcr.io/me/app (or TKO_TARGET_REPO)");
        return ImageReference.TryParse(targetRepo.Value)
            ?? throw new OptionException(targetRepo.Source, $"'{targetRepo.Value}' is not an image repository such as ghcr.io/me/app or localhost:5000/app");
    }

    private static RegistryClientOptions RegistryOptions(
        ParseResult parsed, BuildCommandLine cli, RegistryClientOptions defaults, ImageReference? pushTo,
        Func<Option<string?>, string[], Setting> resolve, Func<string, string?> variable)
    {
        string? user = resolve(cli.RegistryUser, ["TKO_REGISTRY_USER"]).Value;
        string? password = resolve(cli.RegistryPass, ["TKO_REGISTRY_PASS"]).Value;
        if ((user is null) != (password is null))
            throw new OptionException(user is null ? "--registry-user" : "--registry-pass", "give both --registry-user and --registry-pass (or TKO_REGISTRY_USER and TKO_REGISTRY_PASS), or neither");
        string[] insecure = parsed.GetValue(cli.InsecureRegistries) is { Length: > 0 } flags
            ? flags
            : (variable("TKO_INSECURE_REGISTRIES") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        RegistryClientOptions options = defaults with
        {
            InsecureRegistries = [.. insecure],
            UploadChunkSize = ParseInt(resolve(cli.UploadChunkSize, ["TKO_UPLOAD_CHUNK_SIZE"])) ?? defaults.UploadChunkSize,
            Log = parsed.GetValue(cli.Verbose) ? line => Console.Error.WriteLine($"tko: {line}") : null,
        };
        if (user is not null && password is not null)
        {
            string registry = pushTo?.Registry
                ?? throw new OptionException("--registry-user", "credentials are for the registry pushed to; use them with --target-type REMOTE");
            options = options with { Logins = [new RegistryLogin(registry, user, password)] };
        }
        return options;
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
