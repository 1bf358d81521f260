using YamlDotNet.RepresentationModel;

namespace Tko.Cli.ConfigFile;

/// <summary>
/// What kind of value each key of <c>.tko.yml</c> takes: the node shape, to find which of several
/// keys at one position YamlDotNet refused, and words for the message (YamlDotNet's own speak of .NET types).
/// The kinds come from <see cref="BuildOptionTable"/>.
/// </summary>
internal static class ConfigKeyKinds
{
    private const string PlatformOverrides = "platform-overrides";

    private static bool Is(string key, SettingKind kind) => BuildOptionTable.FileKeyKinds.TryGetValue(key, out SettingKind found) && found == kind;

    /// <summary>The node type the dotted key <paramref name="key"/> (e.g. <c>build.jobs</c>) takes.</summary>
    public static YamlNodeType Shape(string key)
    {
        string[] parts = key.Split('.');
        bool inOverride = parts.Length >= 3 && parts[1] == PlatformOverrides;
        if (parts.Length == 1 || (inOverride && parts.Length == 3)) return YamlNodeType.Mapping;
        string last = parts[^1];
        bool isSetting = parts.Length == 2 || (inOverride && parts.Length == 4);
        if (isSetting && (last == PlatformOverrides || Is(last, SettingKind.Pairs))) return YamlNodeType.Mapping;
        if (isSetting && Is(last, SettingKind.List)) return YamlNodeType.Sequence;
        return YamlNodeType.Scalar;
    }

    /// <summary>"expected …" for the dotted key <paramref name="key"/>.</summary>
    public static string Expected(string key)
    {
        string[] parts = key.Split('.');
        string last = parts[^1];
        bool inOverride = parts.Length >= 3 && parts[1] == PlatformOverrides;
        if (parts.Length == 1) return "expected the build: section, a map of settings";
        if (inOverride && parts.Length == 3) return "expected a map of settings for this platform (base-ref, source, entrypoint, env, run-as)";
        if (last == PlatformOverrides) return "expected a map of os/arch[/variant]: settings";
        return Shape(key) switch
        {
            YamlNodeType.Mapping => "expected a map of KEY: VALUE",
            YamlNodeType.Sequence => "expected a list of text",
            _ when Is(last, SettingKind.Number) => "expected a whole number",
            _ when Is(last, SettingKind.Switch) => "expected true or false",
            _ => "expected text",
        };
    }
}
