using YamlDotNet.Serialization;

namespace Tko.Cli.ConfigFile;

/// <summary>One entry of <c>platform-overrides:</c>: what differs for one platform of a multi-platform build.</summary>
[YamlSerializable]
public sealed class PlatformSection
{
    /// <summary>The base image for this platform.</summary>
    [YamlMember(Alias = "base-ref")] public string? BaseRef { get; set; }
    /// <summary>The artifacts for this platform, instead of SOURCE/os/arch[/variant].</summary>
    [YamlMember(Alias = "source")] public string? Source { get; set; }
    /// <summary>The entrypoint for this platform.</summary>
    [YamlMember(Alias = "entrypoint")] public string? Entrypoint { get; set; }
    /// <summary>Variables for this platform, over the build's: a map or K=V,K=V text.</summary>
#pragma warning disable YDNG001 // read by its type converter (TkoConfigReader), never by the static context
    [YamlMember(Alias = "env")] public MapOrText? Env { get; set; }
#pragma warning restore YDNG001
    /// <summary>The user for this platform.</summary>
    [YamlMember(Alias = "run-as")] public string? RunAs { get; set; }
}
