namespace Tko.Inspection;

/// <summary>
/// The forms of image reference tko reads, told apart without touching the network:
/// <c>oci:PATH[:TAG]</c> (an OCI layout directory), <c>oci-archive:PATH[:TAG]</c> or
/// <c>docker-archive:PATH[:TAG]</c> (an image tarball, either kind), a plain path to an existing
/// file (a tarball) or to a directory holding <c>index.json</c> (a layout), and otherwise a registry
/// reference (<c>busybox</c>, <c>localhost:5000/app:v1</c>, <c>…@sha256:…</c>).
/// </summary>
internal sealed record ImageLocation(ImageLocationKind Kind, string Text, string Path, string? Tag, ImageReference? Reference)
{
    public static ImageLocation Parse(string text)
    {
        foreach ((string prefix, ImageLocationKind kind) in Prefixes)
            if (text.StartsWith(prefix, StringComparison.Ordinal))
                return OnDisk(kind, text, text[prefix.Length..]);
        if (File.Exists(text)) return new(ImageLocationKind.Archive, text, text, null, null);
        if (Directory.Exists(text))
            return File.Exists(System.IO.Path.Combine(text, "index.json"))
                ? new(ImageLocationKind.Layout, text, text, null, null)
                : throw new OptionException(text, "the directory is not an OCI image layout (no index.json); give a layout, an image tarball or a registry reference");
        if (LooksLikePath(text))
            throw new OptionException(text, "no such file or directory; give an OCI layout (oci:PATH), an image tarball or a registry reference");
        return ImageReference.TryParse(text) is { } reference
            ? new(ImageLocationKind.Registry, text, "", null, reference)
            : throw new OptionException(text, "not an image reference: give a registry reference (HOST/REPO[:TAG|@DIGEST]), oci:PATH[:TAG], oci-archive:PATH, docker-archive:PATH or a tarball's path");
    }

    private static readonly (string Prefix, ImageLocationKind Kind)[] Prefixes =
    [
        ("oci:", ImageLocationKind.Layout),
        ("oci-archive:", ImageLocationKind.Archive),
        ("docker-archive:", ImageLocationKind.Archive),
    ];

    private static ImageLocation OnDisk(ImageLocationKind kind, string text, string rest)
    {
        (string path, string? tag) = Split(rest);
        bool exists = kind == ImageLocationKind.Layout ? Directory.Exists(path) : File.Exists(path);
        if (!exists)
            throw new OptionException(text, kind == ImageLocationKind.Layout
                ? $"no OCI layout directory at {path}"
                : $"no tarball at {path}");
        if (kind == ImageLocationKind.Layout && !File.Exists(System.IO.Path.Combine(path, "index.json")))
            throw new OptionException(text, $"{path} is not an OCI image layout (no index.json); give a directory written by tko, skopeo or umoci");
        return new(kind, text, path, tag, null);
    }

    /// <summary>Splits PATH[:TAG]; a path that exists is taken whole even if it holds a ':'.</summary>
    private static (string Path, string? Tag) Split(string text)
    {
        if (File.Exists(text) || Directory.Exists(text)) return (text, null);
        int colon = text.LastIndexOf(':');
        if (colon > 0 && !text[(colon + 1)..].Contains('/'))
            return (text[..colon], text[(colon + 1)..]);
        return (text, null);
    }

    private static bool LooksLikePath(string text) =>
        text.StartsWith('/') || text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("../", StringComparison.Ordinal)
        || text.StartsWith('~') || text.EndsWith(".tar", StringComparison.OrdinalIgnoreCase) || text.Contains('\\');
}

/// <summary>Where an image is kept.</summary>
internal enum ImageLocationKind
{
    Registry,
    Layout,
    Archive,
}
