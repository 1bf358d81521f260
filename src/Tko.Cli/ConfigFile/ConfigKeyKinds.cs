using YamlDotNet.RepresentationModel;

namespace Tko.Cli.ConfigFile;

/// <summary>
/// What kind of value each key of <c>.tko.yml</c> takes: the node shape, to find which of several
/// keys at one position YamlDotNet refused, and words for the message (YamlDotNet's own speak of .NET types).
/// </summary>
internal static class ConfigKeyKinds
{
    private static readonly HashSet<string> Numbers = ["jobs", "compression-level", "chunk-size", "upload-chunk-size"];
    private static readonly HashSet<string> Switches = ["dest-chown", "destination-chown", "verbose", "quiet"];
    private static readonly HashSet<string> Lists = ["tag", "insecure-registry"];
    private static readonly HashSet<string> Maps = ["env", "annotations", "default-annotations", "platform-overrides"];

    /// <summary>The node type the dotted key <paramref name="key"/> (e.g. <c>build.jobs</c>) takes.</summary>
    public static YamlNodeType Shape(string key)
    {
        string[] parts = key.Split('.');
        bool inOverride = parts.Length >= 3 && parts[1] == "platform-overrides";
        if (parts.Length == 1 || (inOverride && parts.Length == 3)) return YamlNodeType.Mapping;
        string last = parts[^1];
        bool isSetting = parts.Length == 2 || (inOverride && parts.Length == 4);
        if (isSetting && Maps.Contains(last)) return YamlNodeType.Mapping;
        if (isSetting && Lists.Contains(last)) return YamlNodeType.Sequence;
        return YamlNodeType.Scalar;
    }

    /// <summary>"expected …" for the dotted key <paramref name="key"/>.</summary>
    public static string Expected(string key)
    {
        string[] parts = key.Split('.');
        string last = parts[^1];
        bool inOverride = parts.Length >= 3 && parts[1] == "platform-overrides";
        if (parts.Length == 1) return "expected the build: section, a map of settings";
        if (inOverride && parts.Length == 3) return "expected a map of settings for this platform (base-ref, source, entrypoint, env, run-as)";
        if (last == "platform-overrides") return "expected a map of os/arch[/variant]: settings";
        return Shape(key) switch
        {
            YamlNodeType.Mapping => "expected a map of KEY: VALUE",
            YamlNodeType.Sequence => "expected a list of text",
            _ when Numbers.Contains(last) => "expected a whole number",
            _ when Switches.Contains(last) => "expected true or false",
            _ => "expected text",
        };
    }
}
