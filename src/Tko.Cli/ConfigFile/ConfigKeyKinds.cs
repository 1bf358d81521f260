using YamlDotNet.RepresentationModel;

namespace Tko.Cli.ConfigFile;

/// <summary>
/// What kind of value each key of <c>.tko.yml</c> takes: the node shapes, to find which of several
/// keys at one position YamlDotNet refused, and words for the message (YamlDotNet's own speak of .NET types).
/// The kinds come from <see cref="BuildOptionTable"/>.
/// </summary>
internal static class ConfigKeyKinds
{
    private const string PlatformOverrides = "platform-overrides";

    private static bool Is(string key, SettingKind kind) => BuildOptionTable.FileKeyKinds.TryGetValue(key, out SettingKind found) && found == kind;

    private static bool TakesList(string key) => BuildOptionTable.FileKeyRows.TryGetValue(key, out BuildOption? row) && row.FileTakesList;

    /// <summary>Whether the dotted key <paramref name="key"/> (e.g. <c>build.jobs</c>) may hold a node of type <paramref name="type"/>.</summary>
    public static bool Accepts(string key, YamlNodeType type)
    {
        string[] parts = key.Split('.');
        bool inOverride = parts.Length >= 3 && parts[1] == PlatformOverrides;
        if (parts.Length == 1 || (inOverride && parts.Length == 3)) return type == YamlNodeType.Mapping;
        string last = parts[^1];
        bool isSetting = parts.Length == 2 || (inOverride && parts.Length == 4);
        if (isSetting && last == PlatformOverrides) return type == YamlNodeType.Mapping;
        // The Go tko's forms: a map or K=V,K=V text; a comma text or a list.
        if (isSetting && Is(last, SettingKind.Pairs)) return type is YamlNodeType.Mapping or YamlNodeType.Scalar;
        if (isSetting && TakesList(last)) return type is YamlNodeType.Sequence or YamlNodeType.Scalar;
        if (isSetting && Is(last, SettingKind.List)) return type == YamlNodeType.Sequence;
        return type == YamlNodeType.Scalar;
    }

    /// <summary>"expected …" for the dotted key <paramref name="key"/>.</summary>
    public static string Expected(string key)
    {
        string[] parts = key.Split('.');
        string last = parts[^1];
        bool inOverride = parts.Length >= 3 && parts[1] == PlatformOverrides;
        bool isSetting = parts.Length == 2 || (inOverride && parts.Length == 4);
        if (parts.Length == 1) return "expected the build: section, a map of settings";
        if (inOverride && parts.Length == 3) return "expected a map of settings for this platform (base-ref, source, entrypoint, env, run-as)";
        if (last == PlatformOverrides) return "expected a map of os/arch[/variant]: settings";
        if (isSetting && Is(last, SettingKind.Pairs)) return "expected a map of KEY: VALUE or KEY=VALUE[,KEY=VALUE…] text";
        if (isSetting && TakesList(last)) return "expected comma-separated text or a list of text";
        if (isSetting && Is(last, SettingKind.List)) return "expected a list of text";
        if (Is(last, SettingKind.Number)) return "expected a whole number";
        if (Is(last, SettingKind.Switch)) return "expected true or false";
        return "expected text";
    }
}
