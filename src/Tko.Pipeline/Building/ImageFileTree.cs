namespace Tko.Building;

/// <summary>
/// The paths of an image's layers, added top layer first (an upper layer's entry hides a lower one's),
/// with each symlink's target, so that a path can be looked up as the kernel resolves it: through
/// symlinked directories (<c>/bin</c> to <c>usr/bin</c>) and a symlinked file. Whiteouts are not
/// applied: an entry any layer lists counts as present.
/// </summary>
internal sealed class ImageFileTree
{
    /// <summary>As Linux's limit on symlinks followed in one lookup (MAXSYMLINKS).</summary>
    private const int MaxSymlinks = 40;

    private readonly Dictionary<string, string?> _entries = new(StringComparer.Ordinal);

    /// <summary>Adds an entry unless an upper layer already has it; <paramref name="name"/> as a tar writes it (<c>./a/</c>, <c>a</c>, <c>/a</c>).</summary>
    public void AddUnlessPresent(string name, string? symlinkTarget)
    {
        string path = string.Join('/', Components(name));
        if (path.Length == 0 || Path.GetFileName(path).StartsWith(".wh.", StringComparison.Ordinal)) return;
        _entries.TryAdd(path, symlinkTarget);
    }

    /// <summary>Whether <paramref name="absolutePath"/> names an entry once every symlink on the way is followed.</summary>
    public bool Contains(string absolutePath)
    {
        List<string> parts = Components(absolutePath);
        for (int hops = 0; hops <= MaxSymlinks; hops++)
        {
            int link = -1;
            string? target = null;
            for (int i = 0; i < parts.Count && link < 0; i++)
                if (_entries.TryGetValue(string.Join('/', parts.Take(i + 1)), out string? found) && found is not null)
                    (link, target) = (i, found);
            if (link < 0) return _entries.ContainsKey(string.Join('/', parts));
            IEnumerable<string> start = target!.StartsWith('/') ? [] : parts.Take(link);
            parts = Components(string.Join('/', start.Concat([target]).Concat(parts.Skip(link + 1))));
        }
        return false;
    }

    /// <summary>The path's names, with <c>.</c> dropped and <c>..</c> taken back (never above the root).</summary>
    private static List<string> Components(string path)
    {
        var parts = new List<string>();
        foreach (string part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return parts;
    }
}
