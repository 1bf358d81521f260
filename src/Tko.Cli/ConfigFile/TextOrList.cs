using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Tko.Cli.ConfigFile;

/// <summary>
/// A comma-separated setting of <c>.tko.yml</c> written either way: <c>platforms: linux/amd64,linux/arm64</c>
/// (the Go tko's form) or <c>platforms: [linux/amd64, linux/arm64]</c>, a YAML list, whose items
/// are joined with ',' into the same text.
/// </summary>
/// <param name="Text">The setting as one comma-separated text.</param>
public sealed record TextOrList(string Text);

/// <summary>Reads <see cref="TextOrList"/> from the parser's events, without reflection (Native AOT).</summary>
internal sealed class TextOrListConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(TextOrList);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        if (YamlScalars.Take<Scalar>(parser) is { } scalar)
            return YamlScalars.IsNull(scalar) ? null : new TextOrList(scalar.Value);
        if (YamlScalars.Take<SequenceStart>(parser) is not null)
        {
            var items = new List<string>();
            while (YamlScalars.Take<SequenceEnd>(parser) is null)
                items.Add(YamlScalars.Text(parser, "a list item"));
            return new TextOrList(string.Join(',', items));
        }
        throw YamlScalars.WrongShape(parser);
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        throw new NotSupportedException("tko reads .tko.yml, it never writes one");
}
