using System.Collections.Immutable;

namespace Tko.Cli.ConfigFile;

/// <summary>A read <c>.tko.yml</c>: its <c>build:</c> section and the line of every key, so a message can point at a value.</summary>
/// <param name="Path">The file as the user would name it.</param>
/// <param name="Build">The settings; empty when the file has no <c>build:</c> section.</param>
/// <param name="Lines">The line of each key, by its dotted path (<c>build.env</c>, <c>build.platform-overrides.linux/arm64</c>).</param>
internal sealed record TkoConfig(string Path, BuildSection Build, ImmutableDictionary<string, int> Lines)
{
    /// <summary>Names a key of the build section for a message: <c>FILE:LINE: build.KEY</c>.</summary>
    public string Where(string key)
    {
        string path = "build." + key;
        return Lines.TryGetValue(path, out int line) ? $"{Path}:{line}: {path}" : $"{Path}: {path}";
    }
}
