using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tko.Cli.ConfigFile;

/// <summary>
/// Refuses YAML anchors and aliases in a settings file. A settings file has no use for them, and
/// nested aliases make a 1 KB file expand to billions of nodes (the "billion laughs"), so they are
/// turned away after one linear pass over the parser's events, before anything is built from them.
/// </summary>
internal static class YamlAnchors
{
    /// <summary>Throws a usage error naming <paramref name="path"/> and the line of the first anchor or alias in <paramref name="text"/>.</summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static void Refuse(string path, string text)
    {
        var parser = new Parser(new StringReader(text));
        while (parser.MoveNext())
        {
            bool found = parser.Current switch
            {
                AnchorAlias => true,
                NodeEvent node => !node.Anchor.IsEmpty,
                _ => false,
            };
            if (found)
                throw new OptionException($"{path}:{parser.Current!.Start.Line}",
                    "YAML anchors and aliases (&name, *name, <<) are not accepted in a settings file; write each value out");
        }
    }
}
