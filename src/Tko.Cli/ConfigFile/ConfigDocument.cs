using YamlDotNet.Serialization;

namespace Tko.Cli.ConfigFile;

/// <summary>The whole of a <c>.tko.yml</c>: one <c>build:</c> section, as the original tko reads it.</summary>
[YamlSerializable]
public sealed class ConfigDocument
{
    /// <summary>Settings of <c>tko build</c>.</summary>
    [YamlMember(Alias = "build")] public BuildSection? Build { get; set; }
}
