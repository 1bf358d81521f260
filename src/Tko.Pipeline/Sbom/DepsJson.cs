using System.Collections.Immutable;
using System.Text.Json;

namespace Tko.Sbom;

/// <summary>
/// The NuGet packages and runtime pack a <c>dotnet publish</c> output's <c>*.deps.json</c> names,
/// with the files of each that the image holds. Only what deps.json says is used: a package's
/// runtime, native and resource assets are published next to the deps.json (resources in their
/// locale's directory), RID-specific ones under their own relative path; an asset the image does
/// not hold is left out.
/// </summary>
internal static class DepsJson
{
    private const string RuntimePackPrefix = "runtimepack.";

    /// <summary>The packages of <paramref name="json"/>, the deps.json at <paramref name="directory"/> in the image; throws <see cref="JsonException"/> when it is malformed.</summary>
    /// <param name="json">The deps.json's bytes.</param>
    /// <param name="directory">The image directory holding the deps.json, e.g. <c>/tko-app</c>.</param>
    /// <param name="imageFiles">Every regular file the layer adds, by image path.</param>
    public static ImmutableArray<NuGetPackage> Read(ReadOnlySpan<byte> json, string directory, IReadOnlySet<string> imageFiles)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        JsonElement root = Object(document.RootElement, "the document");
        JsonElement libraries = Object(Property(root, "libraries"), "libraries");
        Dictionary<string, SortedSet<string>> files = AssetsByLibrary(root, directory, imageFiles);

        var packages = ImmutableArray.CreateBuilder<NuGetPackage>();
        foreach (JsonProperty library in libraries.EnumerateObject())
        {
            JsonElement details = Object(library.Value, $"libraries.{library.Name}");
            string type = details.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            if (type is not ("package" or "runtimepack")) continue;
            int slash = library.Name.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == library.Name.Length - 1)
                throw new JsonException($"libraries.{library.Name} is not NAME/VERSION");
            string name = library.Name[..slash];
            if (type == "runtimepack" && name.StartsWith(RuntimePackPrefix, StringComparison.Ordinal)) name = name[RuntimePackPrefix.Length..];
            string? sha512 = details.TryGetProperty("sha512", out JsonElement s) && s.ValueKind == JsonValueKind.String ? Sha512Hex(s.GetString()!, library.Name) : null;
            ImmutableArray<string> owned = files.TryGetValue(library.Name, out SortedSet<string>? set) ? [.. set] : [];
            packages.Add(new NuGetPackage(name, library.Name[(slash + 1)..], sha512, owned));
        }
        return packages.ToImmutable();
    }

    /// <summary>For each library of every target, the image paths of its assets that the image holds, ordinal order.</summary>
    private static Dictionary<string, SortedSet<string>> AssetsByLibrary(JsonElement root, string directory, IReadOnlySet<string> imageFiles)
    {
        var owned = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        if (!root.TryGetProperty("targets", out JsonElement targets)) return owned;
        foreach (JsonProperty target in Object(targets, "targets").EnumerateObject())
            foreach (JsonProperty library in Object(target.Value, $"targets.{target.Name}").EnumerateObject())
            {
                JsonElement details = Object(library.Value, $"targets.{target.Name}.{library.Name}");
                foreach (string candidate in Candidates(details, directory))
                    if (imageFiles.Contains(candidate))
                    {
                        if (!owned.TryGetValue(library.Name, out SortedSet<string>? set))
                            owned[library.Name] = set = new SortedSet<string>(StringComparer.Ordinal);
                        set.Add(candidate);
                    }
            }
        return owned;
    }

    /// <summary>Where each asset of a target library may have been published.</summary>
    private static IEnumerable<string> Candidates(JsonElement library, string directory)
    {
        foreach (string group in new[] { "runtime", "native" })
            foreach (string asset in AssetNames(library, group))
                yield return Join(directory, FileName(asset));
        if (library.TryGetProperty("resources", out JsonElement resources) && resources.ValueKind == JsonValueKind.Object)
            foreach (JsonProperty asset in resources.EnumerateObject())
                if (asset.Value.ValueKind == JsonValueKind.Object && asset.Value.TryGetProperty("locale", out JsonElement locale) && locale.ValueKind == JsonValueKind.String)
                    yield return Join(directory, $"{locale.GetString()}/{FileName(asset.Name)}");
        foreach (string asset in AssetNames(library, "runtimeTargets"))
        {
            yield return Join(directory, asset);
            yield return Join(directory, FileName(asset));
        }
    }

    private static IEnumerable<string> AssetNames(JsonElement library, string group) =>
        library.TryGetProperty(group, out JsonElement assets) && assets.ValueKind == JsonValueKind.Object
            ? assets.EnumerateObject().Select(a => a.Name)
            : [];

    private static string FileName(string asset) => asset[(asset.LastIndexOf('/') + 1)..];

    private static string Join(string directory, string relative) => directory.TrimEnd('/') + "/" + relative.TrimStart('/');

    /// <summary><c>sha512-BASE64</c> as lowercase hex; null for the empty string deps.json gives runtime packs and projects.</summary>
    private static string? Sha512Hex(string text, string library)
    {
        if (text.Length == 0) return null;
        const string prefix = "sha512-";
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
            throw new JsonException($"libraries.{library}.sha512 is not sha512-BASE64");
        try
        {
            byte[] hash = Convert.FromBase64String(text[prefix.Length..]);
            return hash.Length == 64 ? Convert.ToHexStringLower(hash) : throw new JsonException($"libraries.{library}.sha512 is not 64 bytes");
        }
        catch (FormatException)
        {
            throw new JsonException($"libraries.{library}.sha512 is not base64");
        }
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) ? value : throw new JsonException($"there is no {name}");

    private static JsonElement Object(JsonElement element, string what) =>
        element.ValueKind == JsonValueKind.Object ? element : throw new JsonException($"{what} is not an object");
}
