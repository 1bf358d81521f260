using YamlDotNet.Serialization;

namespace Tko.Cli.ConfigFile;

/// <summary>The generated, reflection-free type information YamlDotNet reads <c>.tko.yml</c> with (Native AOT safe).</summary>
[YamlStaticContext]
[YamlSerializable(typeof(ConfigDocument))]
[YamlSerializable(typeof(BuildSection))]
[YamlSerializable(typeof(PlatformSection))]
public partial class ConfigYamlContext : StaticContext
{
}
