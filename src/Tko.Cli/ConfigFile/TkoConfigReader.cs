using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Tko.Cli.ConfigFile;

/// <summary>
/// Finds and reads <c>.tko.yml</c> (or <c>.tko.yaml</c>) in the working directory, or the file given
/// with <c>--config</c>. The values are read by YamlDotNet's generated static context (no
/// reflection, so Native AOT keeps working); a syntax error, an unknown key or a value of the
/// wrong type is a usage error naming the file, the line and the key.
/// </summary>
internal static class TkoConfigReader
{
    /// <summary>The names looked for in the working directory, in this order.</summary>
    public static readonly string[] DefaultNames = [".tko.yml", ".tko.yaml"];

    private static readonly IDeserializer Deserializer = new StaticDeserializerBuilder(new ConfigYamlContext()).Build();

    /// <summary>The settings file to use, or null when there is none; <paramref name="explicitPath"/> must exist.</summary>
    public static TkoConfig? Read(string? explicitPath, string workingDirectory)
    {
        string? path = explicitPath;
        if (path is not null)
        {
            if (!File.Exists(path))
                throw new OptionException("--config", $"{path}: no such file; give an existing settings file or leave --config out");
        }
        else
        {
            path = DefaultNames.FirstOrDefault(name => File.Exists(Path.Combine(workingDirectory, name)));
            if (path is null) return null;
        }
        string text = File.ReadAllText(Path.IsPathRooted(path) ? path : Path.Combine(workingDirectory, path));
        return Parse(path, text);
    }

    /// <summary>Reads <paramref name="text"/>, naming it <paramref name="path"/> in errors.</summary>
    public static TkoConfig Parse(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new OptionException($"{path}:{e.Start.Line}", $"not valid YAML ({FirstLine(e.Message)})");
        }

        ConfigDocument? document;
        try
        {
            document = Deserializer.Deserialize<ConfigDocument?>(text);
        }
        catch (YamlException e)
        {
            throw Refusal(path, stream, e);
        }
        var lines = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        if (stream.Documents.Count > 0) CollectLines(stream.Documents[0].RootNode, "", lines);
        return new TkoConfig(path, document?.Build ?? new BuildSection(), lines.ToImmutable());
    }

    /// <summary>Turns YamlDotNet's complaint into one line that names the key it is about and what is wrong with it.</summary>
    private static OptionException Refusal(string path, YamlStream stream, YamlException e)
    {
        // YamlDotNet points at a key or a value, and several keys can start at one position (a
        // map's first key starts where the map does), so the candidates are sorted out by what
        // each key expects.
        var candidates = new List<(string Key, bool AtKey, YamlNode Value)>();
        if (stream.Documents.Count > 0) Collect(stream.Documents[0].RootNode, "", e.Start, candidates);
        bool unknownKey = e.Message.Contains("not found on type", StringComparison.Ordinal);
        (string Key, bool AtKey, YamlNode Value)? chosen = unknownKey
            ? candidates.Where(c => c.AtKey).Cast<(string, bool, YamlNode)?>().LastOrDefault()
            : candidates.Where(c => c.Value.NodeType != ConfigKeyKinds.Shape(c.Key)).Cast<(string, bool, YamlNode)?>().LastOrDefault()
              ?? candidates.Cast<(string, bool, YamlNode)?>().LastOrDefault();
        string key = chosen?.Key ?? "?";
        string where = $"{path}:{e.Start.Line}: {key}";
        return unknownKey
            ? new OptionException(where, "unknown setting; the keys of .tko.yml are the long names of tko build's options (see tko build --help), under build:")
            : new OptionException(where, $"the value has the wrong type: {ConfigKeyKinds.Expected(key)}");
    }

    /// <summary>Every key whose name, value or list item starts at <paramref name="mark"/>, outermost first.</summary>
    /// <remarks>Searched everywhere: YamlDotNet does not record where a mapping ends, so no branch can be skipped.</remarks>
    private static void Collect(YamlNode node, string prefix, Mark mark, List<(string Key, bool AtKey, YamlNode Value)> into)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach ((YamlNode keyNode, YamlNode value) in mapping.Children)
                {
                    string key = prefix + (keyNode as YamlScalarNode)?.Value;
                    bool atKey = SameMark(keyNode.Start, mark);
                    if (atKey || SameMark(value.Start, mark) || (value is YamlSequenceNode items && items.Children.Any(item => SameMark(item.Start, mark) && item is not YamlScalarNode)))
                        into.Add((key, atKey, value));
                    Collect(value, key + ".", mark, into);
                }
                break;
            case YamlSequenceNode sequence:
                foreach (YamlNode item in sequence.Children) Collect(item, prefix, mark, into);
                break;
        }
    }

    private static bool SameMark(Mark a, Mark b) => a.Line == b.Line && a.Column == b.Column;

    private static void CollectLines(YamlNode node, string prefix, ImmutableDictionary<string, int>.Builder lines)
    {
        if (node is not YamlMappingNode mapping) return;
        foreach ((YamlNode keyNode, YamlNode value) in mapping.Children)
        {
            string key = prefix + (keyNode as YamlScalarNode)?.Value;
            lines[key] = (int)keyNode.Start.Line;
            CollectLines(value, key + ".", lines);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
