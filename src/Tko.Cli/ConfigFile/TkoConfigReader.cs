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

    private static readonly IDeserializer Deserializer = new StaticDeserializerBuilder(new ConfigYamlContext())
        .WithTypeConverter(new TextOrListConverter())
        .WithTypeConverter(new MapOrTextConverter())
        .Build();

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
        return Parse(path, ReadBounded(path, Path.IsPathRooted(path) ? path : Path.Combine(workingDirectory, path)));
    }

    /// <summary>Reads <paramref name="text"/>, naming it <paramref name="path"/> in errors.</summary>
    public static TkoConfig Parse(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            YamlAnchors.Refuse(path, text);
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
        if (stream.Documents.Count > 0) CollectLines(stream.Documents[0].RootNode, lines);
        return new TkoConfig(path, document?.Build ?? new BuildSection(), lines.ToImmutable());
    }

    /// <summary>Turns YamlDotNet's complaint into one line that names the key it is about and what is wrong with it.</summary>
    private static OptionException Refusal(string path, YamlStream stream, YamlException e)
    {
        // YamlDotNet points at a key or a value, and several keys can start at one position (a
        // map's first key starts where the map does), so the candidates are sorted out by what
        // each key expects.
        var candidates = new List<(string Key, bool AtKey, YamlNode Value)>();
        if (stream.Documents.Count > 0) Collect(stream.Documents[0].RootNode, e.Start, candidates);
        bool unknownKey = e.Message.Contains("not found on type", StringComparison.Ordinal);
        (string Key, bool AtKey, YamlNode Value)? chosen = unknownKey
            ? candidates.Where(c => c.AtKey).Cast<(string, bool, YamlNode)?>().LastOrDefault()
            : candidates.Where(c => !ConfigKeyKinds.Accepts(c.Key, c.Value.NodeType)).Cast<(string, bool, YamlNode)?>().LastOrDefault()
              ?? candidates.Cast<(string, bool, YamlNode)?>().LastOrDefault();
        string key = chosen?.Key ?? "?";
        string where = $"{path}:{e.Start.Line}: {key}";
        return unknownKey
            ? new OptionException(where, "unknown setting; the keys of .tko.yml are the long names of tko build's options (see tko build --help), under build:")
            : new OptionException(where, $"the value has the wrong type: {ConfigKeyKinds.Expected(key)}");
    }

    /// <summary>Every key whose name, value or list item starts at <paramref name="mark"/>, outermost first.</summary>
    /// <remarks>
    /// Searched everywhere: YamlDotNet does not record where a mapping ends, so no branch can be
    /// skipped. The walk keeps its own stack (deep nesting cannot overflow the thread's) and
    /// visits each node once, in the order a recursive walk would.
    /// </remarks>
    private static void Collect(YamlNode root, Mark mark, List<(string Key, bool AtKey, YamlNode Value)> into)
    {
        var visited = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(YamlNode Node, string Prefix, YamlNode? KeyNode, string Key)>();
        pending.Push((root, "", null, ""));
        while (pending.TryPop(out var next))
        {
            if (next.KeyNode is { } keyNode)
            {
                bool atKey = SameMark(keyNode.Start, mark);
                if (atKey || SameMark(next.Node.Start, mark) || (next.Node is YamlSequenceNode items && items.Children.Any(item => SameMark(item.Start, mark) && item is not YamlScalarNode)))
                    into.Add((next.Key, atKey, next.Node));
            }
            if (!visited.Add(next.Node)) continue;
            switch (next.Node)
            {
                case YamlMappingNode mapping:
                    foreach ((YamlNode childKey, YamlNode value) in Enumerable.Reverse(mapping.Children))
                    {
                        string key = next.Prefix + (childKey as YamlScalarNode)?.Value;
                        pending.Push((value, key + ".", childKey, key));
                    }
                    break;
                case YamlSequenceNode sequence:
                    foreach (YamlNode item in Enumerable.Reverse(sequence.Children)) pending.Push((item, next.Prefix, null, ""));
                    break;
            }
        }
    }

    private static bool SameMark(Mark a, Mark b) => a.Line == b.Line && a.Column == b.Column;

    /// <summary>The line of every key, by its dotted name; iterative, each node once, like <see cref="Collect"/>.</summary>
    private static void CollectLines(YamlNode root, ImmutableDictionary<string, int>.Builder lines)
    {
        var visited = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(YamlNode Node, string Prefix)>();
        pending.Push((root, ""));
        while (pending.TryPop(out var next))
        {
            if (next.Node is not YamlMappingNode mapping || !visited.Add(mapping)) continue;
            foreach ((YamlNode keyNode, YamlNode value) in mapping.Children)
            {
                string key = next.Prefix + (keyNode as YamlScalarNode)?.Value;
                lines[key] = (int)keyNode.Start.Line;
                pending.Push((value, key + "."));
            }
        }
    }

    /// <summary>The file's text, refused past <see cref="BoundedDocument.SettingsCap"/> without reading further.</summary>
    private static string ReadBounded(string shown, string fullPath)
    {
        using var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        byte[] bytes = BoundedDocument.Read(file, BoundedDocument.SettingsCap,
            () => new OptionException(shown, $"the settings file {BoundedDocument.TooLarge(BoundedDocument.SettingsCap)}"));
        return new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
