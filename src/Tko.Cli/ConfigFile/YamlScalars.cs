using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tko.Cli.ConfigFile;

/// <summary>What the type converters of <c>.tko.yml</c> share: reading a scalar, telling a null, refusing another shape where it starts.</summary>
internal static class YamlScalars
{
    /// <summary>A plain <c>~</c>, <c>null</c> or nothing: no value, as YamlDotNet reads it for its own types.</summary>
    public static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The parser's current event if it is a <typeparamref name="T"/>, moving past it; otherwise null, staying.</summary>
    public static T? Take<T>(IParser parser) where T : ParsingEvent
    {
        if (parser.Current is not T found) return null;
        parser.MoveNext();
        return found;
    }

    /// <summary>The next event's text; another shape is refused where it starts.</summary>
    /// <exception cref="YamlException">The next node is a list or a map.</exception>
    public static string Text(IParser parser, string what) =>
        YamlScalars.Take<Scalar>(parser) is { } scalar ? scalar.Value : throw WrongShape(parser, $"{what} must be text");

    /// <summary>
    /// A refusal at the start of the node the parser is at, which <see cref="TkoConfigReader"/>
    /// turns into one line naming the key; the message here is not shown.
    /// </summary>
    public static YamlException WrongShape(IParser parser, string problem = "wrong shape") =>
        new(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty, problem);
}
