using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Tko.Cli.ConfigFile;

/// <summary>
/// A <c>KEY=VALUE</c> setting of <c>.tko.yml</c> (<c>env</c>, the annotations, labels) written
/// either way: a YAML map, or the Go tko's <c>K=V,K=V</c> text, read as the flag's value is.
/// </summary>
/// <param name="Map">The map's pairs in the file's order (a repeated key keeps its first place and its last value); null for the text form.</param>
/// <param name="Text">The <c>K=V,K=V</c> text; null for the map form.</param>
public sealed record MapOrText(ImmutableList<KeyValuePair<string, string>>? Map, string? Text)
{
    /// <summary>The pairs; the text form is checked here, so <paramref name="where"/> names the file, line and key in an error.</summary>
    /// <exception cref="OptionException">An item of the text is not KEY=VALUE.</exception>
    internal ImmutableList<KeyValuePair<string, string>> Pairs(string where) =>
        Map ?? KeyValueList.Parse([Text ?? ""], where);
}

/// <summary>Reads <see cref="MapOrText"/> from the parser's events, without reflection (Native AOT).</summary>
internal sealed class MapOrTextConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(MapOrText);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        if (YamlScalars.Take<Scalar>(parser) is { } scalar)
            return YamlScalars.IsNull(scalar) ? null : new MapOrText(null, scalar.Value);
        if (YamlScalars.Take<MappingStart>(parser) is not null)
        {
            var pairs = new List<KeyValuePair<string, string>>();
            while (YamlScalars.Take<MappingEnd>(parser) is null)
            {
                string key = YamlScalars.Text(parser, "a key");
                // A key without a value (KEY:) is the empty value, as KEY= is on the command line.
                string value = YamlScalars.Take<Scalar>(parser) is { } given
                    ? YamlScalars.IsNull(given) ? "" : given.Value
                    : throw YamlScalars.WrongShape(parser, "a value must be text");
                pairs.Add(new(key, value));
            }
            return new MapOrText(KeyValueList.Over([], pairs), null);
        }
        throw YamlScalars.WrongShape(parser);
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        throw new NotSupportedException("tko reads .tko.yml, it never writes one");
}
