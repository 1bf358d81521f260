namespace Tko.Testing.Registry;

/// <summary>
/// One scope of the Docker token protocol, <c>type[(class)]:name:action[,action]</c>, as in
/// <c>repository:library/busybox:pull,push</c>. Names may hold ':' (a registry host with a port),
/// so the type ends at the first colon and the actions start after the last.
/// </summary>
internal sealed record TokenScope(string Type, string Name, IReadOnlyList<string> Actions)
{
    public static TokenScope? TryParse(string text)
    {
        int first = text.IndexOf(':');
        int last = text.LastIndexOf(':');
        if (first <= 0 || last == first) return null;
        string type = text[..first];
        int classStart = type.IndexOf('(');
        if (classStart > 0) type = type[..classStart];
        string[] actions = text[(last + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new TokenScope(type, text[(first + 1)..last], actions);
    }
}
